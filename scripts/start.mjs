#!/usr/bin/env node
// `npm start [-- --port 4900 --data-dir DIR --headless]`: build if needed, open the desktop app, and
// where Electron cannot run (binary not downloaded, no display, crash at launch) run the same core
// headless and print the control-panel URL instead. Decisions live in start-lib.mjs (unit-tested).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from './ensure-deps.mjs';
import {
  ELECTRON_READY_MARKER,
  displayProblem,
  electronFailure,
  headlessBanner,
  isBuildStale,
  parseReadyLine,
  resolveElectronBinary,
  splitArgs,
} from './start-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** Long enough for a cold Electron start on a slow laptop; a still-running Electron after this is "up". */
const ELECTRON_GRACE_MS = 15_000;

let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Forward, and let the child's exit end this process with its code (the core closes SQLite first).
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(130);
  });
}

function binOf(pkg, name) {
  const manifest = require(`${pkg}/package.json`);
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return join(dirname(require.resolve(`${pkg}/package.json`)), bin);
}

function buildIfNeeded() {
  if (!isBuildStale(root)) return;
  console.log('Building DropDeck (electron-vite build)…');
  const result = spawnSync(process.execPath, [binOf('electron-vite', 'electron-vite'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The build failed; fix the errors above and run npm start again.');
    process.exit(result.status ?? 1);
  }
}

/** Pipes a child's stdout through line by line, calling `onLine` for each. */
function watchLines(stream, onLine) {
  createInterface({ input: stream }).on('line', (line) => {
    process.stdout.write(line + '\n');
    onLine(line);
  });
}

/** Resolves with null when Electron ran (and has now exited), or the reason to fall back. */
function runElectron(binary, args) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    // Set by some tools; it would make the Electron binary behave as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    // Dev builds of better-sqlite3 match this Node, not Electron: the host runs the core with it.
    env.DROPDECK_CORE_NODE = process.execPath;
    let sawReady = false;
    const started = spawn(binary, [root, ...args], { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });
    child = started;
    const grace = setTimeout(() => (sawReady = true), ELECTRON_GRACE_MS);
    watchLines(started.stdout, (line) => {
      if (line.includes(ELECTRON_READY_MARKER)) sawReady = true;
    });
    started.once('error', (error) => {
      clearTimeout(grace);
      resolve({ reason: electronFailure({ code: null, signal: null, sawReady, spawnError: error.message }) });
    });
    started.once('exit', (code, signal) => {
      clearTimeout(grace);
      const reason = electronFailure({ code, signal, sawReady });
      resolve(reason ? { reason } : { exitCode: code ?? 1 });
    });
  });
}

function runHeadless(args, reason) {
  const started = spawn(process.execPath, [binOf('tsx', 'tsx'), 'electron/core/serve.ts', ...args], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  child = started;
  let announced = false;
  watchLines(started.stdout, (line) => {
    const ready = announced ? null : parseReadyLine(line);
    if (!ready) return;
    announced = true;
    process.stdout.write(headlessBanner(ready, reason) + '\n');
  });
  started.once('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
}

async function main() {
  const { headless, passThrough } = splitArgs(process.argv.slice(2));
  // A fresh clone: install packages first (falls back to no Electron binary if it cannot download).
  ensureNodeModules();
  buildIfNeeded();
  let reason = headless ? 'started with --headless' : null;
  if (!headless) {
    const binary = resolveElectronBinary(require);
    reason = binary ? displayProblem(process.platform, process.env) : 'the Electron binary is not installed';
    if (binary && !reason) {
      const outcome = await runElectron(binary, passThrough);
      if (!outcome.reason) process.exit(outcome.exitCode);
      reason = outcome.reason;
    }
  }
  runHeadless(passThrough, reason);
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
