// Decisions behind `npm start`, kept apart from the process plumbing in start.mjs so they are unit-tested
// (tests/electron/main/start-lib.test.ts). Types: start-lib.d.mts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Build outputs `npm start` needs; if any is missing the app is rebuilt. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/core.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

/** Inputs of the build; a newer file here than the oldest output means the build is stale. */
export const BUILD_INPUTS = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json'];

const SKIP_DIRS = new Set(['node_modules', '.git', 'out']);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

export function isBuildStale(root, outputs = BUILD_OUTPUTS, inputs = BUILD_INPUTS) {
  const outputPaths = outputs.map((p) => join(root, p));
  if (outputPaths.some((p) => !existsSync(p))) return true;
  const oldestOutput = Math.min(...outputPaths.map((p) => statSync(p).mtimeMs));
  return inputs.some((p) => newestMtime(join(root, p)) > oldestOutput);
}

/**
 * The Electron binary, or null. The `electron` package exports the binary's path but throws when the
 * binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, offline installs, CI).
 */
export function resolveElectronBinary(requireFn) {
  try {
    const path = requireFn('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Why a window cannot be shown at all (Linux without X11/Wayland, e.g. SSH or a container), or null. */
export function displayProblem(platform, env) {
  if (platform !== 'linux') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'no graphical display (DISPLAY / WAYLAND_DISPLAY unset)';
}

/** The line the Electron host prints once the control panel has loaded (electron/main/window.ts). */
export const ELECTRON_READY_MARKER = '[dropdeck] window ready';

/**
 * After Electron exits: fall back to headless only if it never got a window up and did not exit
 * cleanly. A clean exit 0 is a user quitting or a second instance handing over to the first one.
 */
export function electronFailure({ code, signal, sawReady, spawnError }) {
  if (spawnError) return `Electron could not be launched (${spawnError})`;
  if (sawReady) return null;
  if (signal) return `Electron was stopped by ${signal} before its window opened`;
  if (code !== 0 && code !== null) return `Electron exited with code ${code} before its window opened`;
  return null;
}

/**
 * Parses serve.ts's ready line:
 * `DropDeck ready on <url> — viewers: <url> — control panel: <url>/#pair=<one-time code> — data: <dir>`.
 */
export function parseReadyLine(line) {
  const ready = /DropDeck ready on (\S+)/.exec(line);
  if (!ready) return null;
  const panel = /control panel: (http\S+)/.exec(line)?.[1] ?? null;
  const viewers = /viewers: (\S+)/.exec(line)?.[1] ?? null;
  return { url: ready[1].replace(/\/+$/, ''), viewersUrl: viewers, signInUrl: panel };
}

/** What the host reads when there is no desktop window: where to point a browser (or a phone). */
export function headlessBanner(ready, reason) {
  const lines = [
    '',
    `Electron is not available here${reason ? ` (${reason})` : ''}; DropDeck is running headless.`,
    ready.signInUrl
      ? `Open the control panel (a one-time sign-in link, valid for 5 minutes): ${ready.signInUrl}`
      : `Open the control panel: ${ready.url}/ and paste the host token from the host-token file in the data folder.`,
  ];
  if (ready.viewersUrl && ready.viewersUrl.replace(/\/+$/, '') !== ready.url) {
    lines.push(
      `Co-hosts' phones on the same network: pair them from the panel's Devices section (they open ${ready.viewersUrl.replace(/\/+$/, '')}).`,
    );
  }
  lines.push('Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

/** `npm start -- --headless --port 4900` → skip Electron; the rest goes to the core. */
export function splitArgs(argv) {
  return { headless: argv.includes('--headless'), passThrough: argv.filter((a) => a !== '--headless') };
}
