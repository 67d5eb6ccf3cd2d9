import { join } from 'node:path';
import { BUILD_INPUTS, BUILD_OUTPUTS, isBuildStale } from '../../../scripts/start-lib.mjs';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Tests of the built app (preload, core bundle, renderer) check the build is there and current, and
 * otherwise fail with what to run. They never build themselves: a build empties out/renderer while
 * other test files are serving pages from it. `npm test` builds once before vitest starts.
 */
export function assertBuilt(inputs: string[] = BUILD_INPUTS, outputs: string[] = BUILD_OUTPUTS): void {
  if (isBuildStale(ROOT, outputs, inputs)) {
    throw new Error(
      `out/ is missing or older than ${inputs.join(', ')}. Run "npx electron-vite build" (npm test does it for you).`,
    );
  }
}

/** Only what the control panel is built from, so core-only edits do not hold up renderer tests. */
export const RENDERER_INPUTS = ['renderer/index.html', 'renderer/src', 'shared', 'electron.vite.config.ts'];
export const RENDERER_OUTPUTS = ['out/renderer/index.html'];
