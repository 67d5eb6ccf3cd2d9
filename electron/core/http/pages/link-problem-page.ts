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
} as const;

export type LinkProblem = keyof typeof COPY;

/** A friendly, self-contained page for a scan that can't go to a checkout (no scripts, no assets). */
export function linkProblemPage(problem: LinkProblem): { status: number; html: string } {
  const { status, title, body } = COPY[problem];
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
</style></head>
<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
  return { status, html };
}
