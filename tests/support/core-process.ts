import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CoreProcess {
  child: ChildProcess;
  url: string;
  /** Ends the process and resolves when it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Runs `electron/core/serve.ts` in its own Node process (as `npm run serve` does) and waits for its
 * ready line. For tests that must kill the core for real.
 */
export function startCoreProcess(
  dataDir: string,
  token: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CoreProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/core/serve.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DROPDECK_HOST_TOKEN: token,
        DROPDECK_QUIET: '1',
        DROPDECK_TRUSTED_PROXIES: '127.0.0.1,::1,::ffff:127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveReady, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`core did not start in 20 s:\n${out}\n${err}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /DropDeck ready on (http:\/\/[^\s]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolveReady({
        child,
        url: m[1],
        kill: (signal) => {
          child.kill(signal);
          return exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`core exited with ${String(code)} before it was ready:\n${err}`));
    });
  });
}
