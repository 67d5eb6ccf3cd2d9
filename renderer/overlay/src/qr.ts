import type { LinkState, PublicDrop } from '../../../shared/hub-events';
import type { Result } from '../../../shared/result';
import { bootOverlay, byId, setPhase, setText, type Overlay } from './lib/boot';
import { phaseOf } from './lib/phase';
import { mountQrSvg } from './lib/qr-image';

/**
 * `/overlay/qr?drop=ID&touchpoint=NAME`: the touchpoint's current short link as a QR. The link comes
 * over the socket (created on first ask); the image is the core's SVG of exactly that link. A rotation
 * (`link:rotated`) or an expiry swaps it; sold out and ended hide the code, since a scan could not buy.
 */
const qr = byId('qr');
const url = byId('url');
const label = byId('label');
const status = byId('status');

let shown: LinkState | null = null;
let wanted: { dropId: number; touchpoint: string } | null = null;
let expiryTimer: number | undefined;

async function show(o: Overlay, link: LinkState): Promise<void> {
  if (shown?.code === link.code) return;
  const q = new URLSearchParams({ drop: String(link.dropId), touchpoint: link.touchpoint, code: link.code });
  // Relative: resolves next to this page, /overlay/qr.svg, whatever prefix served it.
  const res = await fetch(`qr.svg?${q.toString()}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`QR image: HTTP ${res.status}`);
  // A newer link may have arrived while this one loaded; never paint an older code over it.
  if (wanted?.dropId !== link.dropId || wanted.touchpoint !== link.touchpoint) return;
  mountQrSvg(qr, await res.text(), o.params.size * o.params.scale);
  shown = link;
  setText(url, link.url.replace(/^https?:\/\//, ''));
  window.clearTimeout(expiryTimer);
  // Ask again when this link expires (server clock → local timer), in case no rotation comes first.
  const wait = Math.min(2 ** 31 - 1, Math.max(1000, link.expiresAt - o.clock.now() + 500));
  expiryTimer = window.setTimeout(() => request(o, true), wait);
}

/** Asks the hub for the link to show; also (re)joins the room that hears rotations. */
function request(o: Overlay, force = false): void {
  const drop = o.feed.focus();
  if (!drop || drop.state === 'draft') return;
  const target = { dropId: drop.id, touchpoint: o.params.touchpoint };
  if (!force && wanted?.dropId === target.dropId && wanted.touchpoint === target.touchpoint) return;
  wanted = target;
  o.socket
    .timeout(5000)
    .emitWithAck('link:current', target)
    // socket.io-client types timeout().emitWithAck as any; the contract says a Result.
    .then((result: Result<LinkState>) => {
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      if (force) shown = null;
      return show(o, result.value);
    })
    .catch((error: unknown) => {
      console.error('DropDeck QR overlay:', error);
      wanted = null;
      window.setTimeout(() => request(o), 3000);
    });
}

function render(o: Overlay): void {
  const drop: PublicDrop | null = o.feed.focus();
  if (!drop) return setPhase('none');
  const phase = phaseOf(drop, o.clock.now());
  setPhase(phase);
  const hint =
    drop.state === 'draft'
      ? 'The QR code appears when the drop starts'
      : phase === 'upcoming'
        ? 'Starts soon — scan to get ready'
        : 'Scan to buy';
  setText(label, o.params.label ?? hint);
  setText(status, phase === 'sold-out' ? 'Sold out' : phase === 'ended' ? 'Ended' : '');
  // The core makes no public link for a draft; the code appears once the drop is scheduled or live.
  if (drop.state === 'draft') return forget();
  request(o);
}

function forget(): void {
  wanted = null;
  shown = null;
  window.clearTimeout(expiryTimer);
  qr.replaceChildren();
  setText(url, '');
}

const overlay = bootOverlay('bottom-right', render);
overlay.socket.on('link:rotated', (link) => {
  if (wanted?.dropId === link.dropId && wanted.touchpoint === link.touchpoint) {
    show(overlay, link).catch((error: unknown) => console.error('DropDeck QR overlay:', error));
  }
});
// Rooms do not survive a reconnect: ask again so this page keeps hearing rotations.
overlay.socket.on('connect', () => request(overlay, true));
