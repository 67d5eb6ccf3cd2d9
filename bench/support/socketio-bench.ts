import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';

/** The bare socket.io server the hub benches measure against, in its own process. */
export function startBareSocketIo(): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./bare-socketio-server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /READY (\S+)/.exec(d.toString());
      if (m) done({ child, url: m[1] });
    });
  });
}

/** Resolves once every socket is connected; rejects on the first refusal. */
export async function allConnected(sockets: Socket[]): Promise<Socket[]> {
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve, reject) => {
          if (s.connected) return resolve();
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        }),
    ),
  );
  return sockets;
}
