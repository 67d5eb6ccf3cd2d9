import { createServer } from 'node:net';
import { DEFAULT_PORT } from '../config';
import { StartupError, errorCode } from './startup-error';

/** How far past a busy port to look for a free one before suggesting `--port 0`. */
const PROBE_SPAN = 20;

/** True when `port` can be bound on `host` right now (bound, then released at once). */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first port after `port` that binds on `host`, or null when none in the next few does. */
export async function nextFreePort(port: number, host: string): Promise<number | null> {
  for (let p = port + 1; p <= Math.min(port + PROBE_SPAN, 65535); p++) {
    if (await portIsFree(p, host)) return p;
  }
  return null;
}

/** Turns the HTTP server's listen failure into the sentence for this port; others pass through. */
export async function explainListenError(error: unknown, port: number, host: string): Promise<unknown> {
  // Only the socket's own failures: an EACCES from a file must not be reported as a port problem.
  const syscall = error instanceof Error && 'syscall' in error ? error.syscall : null;
  if (syscall !== 'listen' && syscall !== 'bind') return error;
  const code = errorCode(error);
  if (code === 'EADDRINUSE') {
    const free = await nextFreePort(port, host);
    const instead =
      free === null ? 'start with --port 0 to let the system pick one' : `start with --port ${free}`;
    return new StartupError(
      'port_in_use',
      `Port ${port} is already in use (another DropDeck or another program). Close that program, or ${instead}.`,
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      'port_not_allowed',
      `This user may not listen on port ${port} (ports below 1024 need administrator rights). Start with --port ${DEFAULT_PORT} or another port above 1023.`,
      { cause: error },
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupError(
      'address_unavailable',
      `DropDeck cannot listen on ${host}: this computer has no such address. Start with --host 0.0.0.0, or another address of this computer.`,
      { cause: error },
    );
  }
  return error;
}
