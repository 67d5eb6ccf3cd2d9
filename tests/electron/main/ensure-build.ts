import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isBuildStale } from '../../../scripts/start-lib.mjs';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

const LOCK = join(ROOT, 'out', '.build-lock');
const LOCK_STALE_MS = 5 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Tests that need `out/` (the built preload, core bundle and renderer) call this first. Normally the
 * suite's globalSetup has built already and this returns at once; run alone, a test builds for itself.
 * A lock directory keeps two test workers from building into the same folder at the same time.
 */
export function ensureBuild(): void {
  if (!isBuildStale(ROOT)) return;
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock left behind by a killed run expires.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      sleep(250);
    }
  }
  try {
    if (!isBuildStale(ROOT)) return;
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
    const result = spawnSync(process.execPath, [bin, 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
