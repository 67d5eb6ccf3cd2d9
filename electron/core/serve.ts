import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from './app';
import { parseCliArgs } from './config';
import { StartupError } from './startup/startup-error';

/**
 * Headless DropDeck: `npm run serve -- --data-dir DIR --port PORT`. Prints ONE ready line on stdout
 * (scripts and tests wait for it), plus the host token when it was just generated.
 */
async function main(): Promise<void> {
  const overrides = parseCliArgs(process.argv.slice(2));
  const here = dirname(fileURLToPath(import.meta.url));
  const builtRenderer = join(here, '..', '..', 'out', 'renderer');
  const rendererDir = overrides.rendererDir ?? (existsSync(builtRenderer) ? builtRenderer : null);
  const core = await startCore({ ...overrides, rendererDir });

  // Before the ready line: whoever reads it may signal at once, and a signal with no listener yet
  // would kill the process outright, leaving the data-folder lock behind.
  const stop = (signal: string): void => {
    process.stderr.write(`${signal}: stopping DropDeck…\n`);
    core.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  if (core.config.hostTokenGenerated) {
    process.stdout.write(
      `Host token (saved in ${core.config.dataDir}/host-token): ${core.config.hostToken}\n`,
    );
  }
  // A one-time sign-in link, valid for minutes: the host token itself never goes into a URL.
  const panel = core.loginLink();
  process.stdout.write(
    `DropDeck ready on ${core.url} — viewers: ${core.publicUrl} — control panel: ${rendererDir ? panel : '(not built: run npm run build)'} — data: ${core.config.dataDir}\n`,
  );
}

main().catch((error: unknown) => {
  // A refusal we understand is one sentence for the user; anything else is a bug, so keep the stack.
  if (error instanceof StartupError) process.stderr.write(`${error.message}\n`);
  else {
    process.stderr.write(
      `DropDeck failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
