const COPY = {
  unknown: {
    status: 404,
    title: 'This code isn’t one of ours',
    body: 'The link may be mistyped or cut short. Scan the code on screen again, or ask the host for a fresh link.',
  },
  expired: {
    status: 410,
    title: 'This link has expired',
    body: 'Buy links are short-lived to keep drops fair. Scan the code on screen now for a fresh one.',
  },
  revoked: {
    status: 410,
    title: 'This link is no longer valid',
    body: 'The host switched it off. Scan the code on screen now, or ask the host for a new link.',
  },
  // Sold-out and ended drops answer 200: the link is fine, the drop is over, and no checkout should
  // take money for stock that is gone.
  sold_out: {
    status: 200,
    title: 'Sold out — you just missed it',
    body: 'Every unit of this drop has found a home. Stay on the stream for the next one.',
  },
  ended: {
    status: 200,
    title: 'This drop has ended',
    body: 'The buying window closed. Stay on the stream for the next one.',
  },
} as const;

export type LinkProblem = keyof typeof COPY;

/** The next scheduled drop, shown on sold-out and ended pages. */
export interface NextDrop {
  title: string;
  startsAt: number;
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** No scripts on these pages, so the time is written in UTC with a machine-readable `<time>`. */
function nextLine(next: NextDrop): string {
  const at = new Date(next.startsAt);
  const label = at.toUTCString().replace(/:\d\d GMT$/, ' UTC');
  return `<p class="next">Next up: <strong>${escapeHtml(next.title)}</strong> — <time datetime="${at.toISOString()}">${label}</time></p>`;
}

/**
 * A friendly, self-contained page for a scan that can't go to a checkout (no scripts, no assets).
 * Pure string work with no Node imports: the edge relay serves the very same pages.
 */
export function linkProblemPage(
  problem: LinkProblem,
  next: NextDrop | null = null,
): { status: number; html: string } {
  const { status, title, body } = COPY[problem];
  const whatsNext = next && (problem === 'sold_out' || problem === 'ended') ? nextLine(next) : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · DropDeck</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #111318; color: #f2f3f5;
         font: 18px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 28rem; padding: 2rem; text-align: center; }
  h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
  p { color: #c4c8d0; margin: 0; }
  p.next { margin-top: 1rem; color: #f2f3f5; }
</style></head>
<body><main><h1>${title}</h1><p>${body}</p>${whatsNext}</main></body></html>`;
  return { status, html };
}

/** Headers every such page goes out with. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
} as const;
