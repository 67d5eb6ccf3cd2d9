import type { HoldView } from '../../ledger/hold-service';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function price(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/**
 * `/hold/:code`: a small self-contained mobile page. No scripts at all (the CSP forbids inline ones,
 * and a plain `<form method=post>` is all a real tap needs — link previewers never POST). Shows only
 * public drop fields: title, price, units left and in checkout, and the buyer's redemption code.
 */
export function holdPage(action: string, view: HoldView | null, message: string | null): string {
  const parts: string[] = [];
  if (view) {
    parts.push(`<h1>${escapeHtml(view.title)}</h1>`);
    parts.push(`<p class="price">${escapeHtml(price(view.priceCents, view.currency))}</p>`);
    const checkout = view.inCheckout > 0 ? ` · ${view.inCheckout} in checkout` : '';
    parts.push(`<p class="left">${view.left} left${checkout}</p>`);
  }
  if (message) parts.push(`<p class="message">${escapeHtml(message)}</p>`);
  if (view && !message) {
    const label = view.heldUntil !== null ? 'Continue to checkout' : 'Reserve my unit';
    parts.push(
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">${label}</button></form>`,
    );
    parts.push(
      view.heldUntil !== null
        ? '<p class="note">A unit is reserved for you for a few minutes.</p>'
        : '<p class="note">Your unit is kept for you for a few minutes while you pay.</p>',
    );
  }
  if (view?.redemptionCode) {
    parts.push(
      `<p class="code">Paying at the stand? Show this code: <strong>${escapeHtml(view.redemptionCode)}</strong></p>`,
    );
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${view ? escapeHtml(view.title) : 'DropDeck'} · DropDeck</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #111318; color: #f2f3f5;
         font: 18px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 28rem; padding: 2rem; text-align: center; }
  h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
  p { color: #c4c8d0; margin: .5rem 0; }
  .left { font-weight: 600; color: #f2f3f5; }
  button { font: inherit; font-weight: 700; padding: .9rem 1.6rem; border: 0; border-radius: .6rem;
           background: #ffcc33; color: #111318; width: 100%; margin-top: 1rem; }
  .code strong { letter-spacing: .15em; font-size: 1.3rem; color: #f2f3f5; }
</style></head>
<body><main>${parts.join('\n')}</main></body></html>`;
}
