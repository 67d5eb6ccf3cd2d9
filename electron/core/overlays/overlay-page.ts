import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Overlay page names are plain words; anything else never touches the file system. */
export const OVERLAY_PAGE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

export type OverlayPage = { status: 200; html: string } | { status: 404 | 503; html: string };

/**
 * The built page `<rendererDir>/overlay/<name>.html`. Read on every request (a few KB from disk) so a
 * rebuild shows up in OBS on the next source refresh without restarting DropDeck.
 */
export async function loadOverlayPage(rendererDir: string | null, name: string): Promise<OverlayPage> {
  if (!OVERLAY_PAGE_NAME.test(name))
    return { status: 404, html: problem('No such overlay', `There is no overlay called "${name}".`) };
  if (!rendererDir) return notBuilt();
  try {
    return { status: 200, html: await readFile(join(rendererDir, 'overlay', `${name}.html`), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const built = await readFile(join(rendererDir, 'index.html'), 'utf8').then(
      () => true,
      () => false,
    );
    if (!built) return notBuilt();
    return {
      status: 404,
      html: problem('No such overlay', `There is no overlay called "${name}". Try timer, qr or ticker.`),
    };
  }
}

function notBuilt(): OverlayPage {
  return {
    status: 503,
    html: problem(
      'Overlay pages are not built yet',
      'DropDeck serves its overlays from the built renderer. Run "npm run build" (or "npx electron-vite build"), then refresh this browser source.',
    ),
  };
}

/** Readable in an OBS preview too: white text on a dark box, big enough to see in the canvas. */
function problem(title: string, detail: string): string {
  const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="margin:0;font:32px/1.4 system-ui,sans-serif;color:#fff">
<div style="margin:54px 96px;padding:24px 32px;background:rgba(0,0,0,.8);border-radius:12px;max-width:1200px">
<strong>DropDeck: ${esc(title)}</strong><br>${esc(detail)}</div></body></html>`;
}
