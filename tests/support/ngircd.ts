import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

/** A free loopback port (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * A real IRC server (Debian's ngircd) on a loopback port, from a generated config in a temp dir,
 * in the foreground (`-n`). `restart()` kills it and starts it again on the same port.
 */
export async function startNgircd(): Promise<{
  port: number;
  restart(): Promise<void>;
  stop(): Promise<void>;
}> {
  const dir = tempDir('dropdeck-ngircd-');
  const port = await freePort();
  const conf = join(dir.path, 'ngircd.conf');
  writeFileSync(
    conf,
    `[Global]
Name = irc.dropdeck.test
Info = DropDeck test server
Listen = 127.0.0.1
Ports = ${port}
MotdPhrase = DropDeck test
ServerUID = ${process.getuid?.() ?? 0}
ServerGID = ${process.getgid?.() ?? 0}
PidFile = ${join(dir.path, 'ngircd.pid')}
[Limits]
MaxConnectionsIP = 50
MaxNickLength = 30
[Options]
DNS = no
Ident = no
PAM = no
SyslogFacility = local7
`,
  );
  const running: { child: ChildProcess | null } = { child: null };
  const launch = async (): Promise<void> => {
    const child = spawn('/usr/sbin/ngircd', ['-n', '-f', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    running.child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 10_000;
    while (!(await canConnect(port))) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`ngircd did not start on port ${port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const kill = async (): Promise<void> => {
    const c = running.child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    port,
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      await kill();
      dir.remove();
    },
  };
}

/** A bare IRC client over a raw socket (independent of the library the bridge uses). */
export async function rawIrcClient(
  port: number,
  nick: string,
  channel: string,
): Promise<{
  say(text: string): void;
  lines: string[];
  waitFor(re: RegExp, ms?: number): Promise<string>;
  close(): void;
}> {
  const socket: Socket = createConnection({ host: '127.0.0.1', port });
  const lines: string[] = [];
  let buf = '';
  const waiters: Array<() => void> = [];
  socket.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let i;
    while ((i = buf.indexOf('\r\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 2);
      if (line.startsWith('PING')) socket.write(`PONG ${line.slice(5)}\r\n`);
      lines.push(line);
      for (const w of waiters.splice(0)) w();
    }
  });
  const waitFor = (re: RegExp, ms = 10_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no IRC line matching ${re} in ${ms} ms:\n${lines.join('\n')}`)),
        ms,
      );
      const check = (): void => {
        const hit = lines.find((l) => re.test(l));
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  socket.write(`NICK ${nick}\r\nUSER ${nick} 0 * :${nick}\r\n`);
  await waitFor(/ 001 /);
  socket.write(`JOIN ${channel}\r\n`);
  await waitFor(new RegExp(`JOIN :?${channel}`));
  return {
    say: (text) => socket.write(`PRIVMSG ${channel} :${text}\r\n`),
    lines,
    waitFor,
    close: () => socket.destroy(),
  };
}
