import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
/** electron-vite's renderer output, which the core serves in production too. */
export const RENDERER_DIR = join(repo, 'out', 'renderer');
const PAGES = ['timer', 'qr', 'ticker'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/**
 * These tests drive the real built pages. Building here would race with other test files reading
 * (or emptying) out/renderer, so a missing or stale build fails loudly with what to run instead.
 */
export function assertOverlaysBuilt(): void {
  const built = PAGES.map((p) => join(RENDERER_DIR, 'overlay', `${p}.html`));
  const missing = built.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `Overlay pages are not built (${missing.join(', ')}). Run "npx electron-vite build" first.`,
    );
  }
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const sourcesAt = Math.max(
    newestMtime(join(repo, 'renderer', 'overlay')),
    newestMtime(join(repo, 'shared', 'hub-events.ts')),
  );
  if (sourcesAt > builtAt) {
    throw new Error('The overlay sources changed since the last build. Run "npx electron-vite build" again.');
  }
}
