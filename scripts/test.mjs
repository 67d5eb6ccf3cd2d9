#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone — packages, test tools, a build of the overlay pages
// and control panel (browser tests load them as OBS would), then vitest. Extra args go to vitest.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureTestTools } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Tests never need the Electron binary; everything runs on the headless core.
ensureNodeModules({ skipElectronBinary: true });
ensureTestTools();

const node = (script, args) =>
  spawnSync(process.execPath, [join(root, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' })
    .status ?? 1;

console.log('Building the renderer (control panel + overlays)…');
if (node('electron-vite/bin/electron-vite.js', ['build']) !== 0) process.exit(1);
process.exit(node('vitest/vitest.mjs', ['run', ...process.argv.slice(2)]));
