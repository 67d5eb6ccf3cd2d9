import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js';
import { writeObsConfig } from './obs-config';
import { startXvfb, type Xvfb } from './obs-xvfb';

export { TEST_CANVAS, TEST_SCENES, TEST_SOURCES } from './obs-config';

/** Every process this file started, so a crashed test run still takes OBS and Xvfb down with it. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface RealObsOptions {
  /** Turns on obs-websocket authentication with this password. */
  password?: string;
}

/**
 * A real OBS Studio (Debian's obs-studio, obs-websocket 5.1) under Xvfb with software GL, with its
 * own HOME and XDG dirs and a generated config. It can be SIGKILLed, frozen and restarted on the
 * same port, each start from the same scene collection (program scene "Main", banner hidden).
 */
export class RealObs {
  private obs: ChildProcess | null = null;
  private readonly clients: OBSWebSocket[] = [];

  private constructor(
    private readonly dir: string,
    private readonly xvfb: Xvfb,
    readonly port: number,
    readonly password: string,
  ) {}

  static async start(options: RealObsOptions = {}): Promise<RealObs> {
    const dir = mkdtempSync(join(tmpdir(), 'dropdeck-obs-'));
    const xvfb = await startXvfb();
    children.add(xvfb.process);
    const real = new RealObs(dir, xvfb, await freePort(), options.password ?? '');
    try {
      await real.launch();
    } catch (err) {
      await real.stop();
      throw err;
    }
    return real;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.obs?.pid;
  }

  /** Starts OBS and resolves once its WebSocket port accepts connections (epoch ms of that moment). */
  async launch(): Promise<number> {
    const home = join(this.dir, 'home');
    const config = join(home, '.config');
    const runtime = join(this.dir, 'runtime');
    mkdirSync(runtime, { recursive: true, mode: 0o700 });
    writeObsConfig(config, this.port, this.password);
    const logFile = join(this.dir, 'obs.log');
    const fd = openSync(logFile, 'a');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      HOME: home,
      XDG_CONFIG_HOME: config,
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_RUNTIME_DIR: runtime,
      DISPLAY: this.xvfb.display,
      LIBGL_ALWAYS_SOFTWARE: '1',
      QT_QPA_PLATFORM: 'xcb',
    };
    // --multi: without it a second OBS on the machine stops at a "already running" dialog.
    const child = spawn('obs', ['--multi', '--disable-missing-files-check'], {
      env,
      cwd: home,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    children.add(child);
    child.once('exit', () => children.delete(child));
    this.obs = child;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`OBS exited during start-up:\n${this.logTail(logFile)}`);
      }
      if (await portOpen(this.port)) return Date.now();
      await sleep(50);
    }
    throw new Error(`OBS did not open port ${this.port} within 20 s:\n${this.logTail(logFile)}`);
  }

  private logTail(file: string): string {
    try {
      return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
    } catch {
      return '(no OBS log)';
    }
  }

  /** WebSocket clients that reached OBS since this harness started (from OBS's own log). */
  connectionsSeen(): number {
    const log = readFileSync(join(this.dir, 'obs.log'), 'utf8');
    return log.match(/New WebSocket client has connected/g)?.length ?? 0;
  }

  /** Like a crash: SIGKILL, no goodbye to connected clients. */
  async kill(): Promise<void> {
    const child = this.obs;
    this.obs = null;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
  }

  /** Kill (if running) and start again on the same port; resolves when the port is open again. */
  async restart(): Promise<number> {
    await this.kill();
    return this.launch();
  }

  /** SIGSTOP: the socket stays open but nothing answers, like a half-open connection after sleep. */
  freeze(): void {
    this.obs?.kill('SIGSTOP');
  }

  thaw(): void {
    this.obs?.kill('SIGCONT');
  }

  /** A separate obs-websocket client to check OBS's side of things (closed by `stop`). */
  async client(): Promise<OBSWebSocket> {
    const client = new OBSWebSocket();
    await client.connect(this.url, this.password || undefined);
    this.clients.push(client);
    return client;
  }

  async stop(): Promise<void> {
    for (const client of this.clients.splice(0)) await client.disconnect().catch(() => undefined);
    await this.kill();
    this.xvfb.process.kill('SIGTERM');
    await exited(this.xvfb.process);
    children.delete(this.xvfb.process);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Program scene and one item's visibility, straight from OBS. */
export async function programScene(client: OBSWebSocket): Promise<string> {
  return (await client.call('GetCurrentProgramScene')).currentProgramSceneName;
}

export async function itemEnabled(
  client: OBSWebSocket,
  sceneName: string,
  sourceName: string,
): Promise<boolean> {
  const { sceneItemId } = await client.call('GetSceneItemId', { sceneName, sourceName });
  return (await client.call('GetSceneItemEnabled', { sceneName, sceneItemId })).sceneItemEnabled;
}
