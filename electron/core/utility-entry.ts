import { startCore, type CoreHandle } from './app';
import { parseCliArgs, type ConfigOverrides } from './config';
import type { CoreToHostMessage, HostToCoreMessage } from '../../shared/ipc';

/**
 * The core as the Electron host runs it: bundled to `out/main/core.js` and forked as a utility process.
 * Options come from DROPDECK_CORE_OPTS (JSON, set by the host) or, when run by hand with plain Node
 * (`node out/main/core.js --port 4900`), from the same flags as the serve CLI.
 *
 * `process.parentPort` only exists inside an Electron utility process; it is typed locally because
 * the core never imports electron.
 */
interface ParentPortLike {
  postMessage(message: CoreToHostMessage): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

function readOptions(): ConfigOverrides {
  const raw = process.env.DROPDECK_CORE_OPTS;
  if (!raw) return parseCliArgs(process.argv.slice(2));
  const parsed = JSON.parse(raw) as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    dataDir: str(parsed.dataDir),
    port: typeof parsed.port === 'number' ? parsed.port : undefined,
    rendererDir: str(parsed.rendererDir),
    publicUrl: str(parsed.publicUrl),
  };
}

function report(message: CoreToHostMessage): void {
  if (parentPort) parentPort.postMessage(message);
  // Forked by a dev launcher as a plain Node child (see electron/main/node-core-fork.ts).
  else if (process.send) process.send(message);
  else if (message.type === 'ready') process.stdout.write(`DropDeck core ready on ${message.url}\n`);
}

async function main(): Promise<void> {
  let core: CoreHandle | null = null;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const done = core ? core.close() : Promise.resolve();
    done.then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`core could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  parentPort?.on('message', (event) => {
    if ((event.data as HostToCoreMessage | null)?.type === 'shutdown') stop();
  });
  process.on('message', (message) => {
    if ((message as HostToCoreMessage | null)?.type === 'shutdown') stop();
  });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  core = await startCore(readOptions());
  report({ type: 'ready', url: core.url, port: core.port, hostToken: core.config.hostToken });
}

main().catch((error: unknown) => {
  const message =
    error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
      ? 'the port is already in use — is another DropDeck running?'
      : error instanceof Error
        ? error.message
        : String(error);
  report({ type: 'fatal', message });
  process.stderr.write(`DropDeck core failed to start: ${String(error)}\n`);
  process.exit(1);
});
