import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_DIR } from '../overlay/overlay-build';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const PAGES = ['chat.html', 'overlay/chat.html', 'overlay/leaderboard.html'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Like assertOverlaysBuilt: the chat pages must be built, and not older than their sources. */
export function assertChatPagesBuilt(): void {
  const built = PAGES.map((p) => join(RENDERER_DIR, p));
  const missing = built.filter((f) => !existsSync(f));
  if (missing.length > 0)
    throw new Error(`Chat pages are not built (${missing.join(', ')}). Run "npx electron-vite build" first.`);
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const sourcesAt = Math.max(
    newestMtime(join(repo, 'renderer', 'chat')),
    newestMtime(join(repo, 'renderer', 'chat.html')),
    newestMtime(join(repo, 'renderer', 'overlay')),
    newestMtime(join(repo, 'shared', 'chat-events.ts')),
  );
  if (sourcesAt > builtAt)
    throw new Error('The chat pages changed since the last build. Run "npx electron-vite build" again.');
}
