import { bootOverlay, byId, setPhase, setText, type Overlay } from './lib/boot';
import { LAST_MINUTE_MS, PHASE_LABEL, phaseOf } from './lib/phase';
import { leftLine } from './lib/left-line';
import { recognitionLine } from './lib/recognition';

/**
 * `/overlay/ticker?drop=ID`: units left, units sold and the latest buyers who agreed to be thanked on
 * stream. Repaints on every patch, and once more at the moments the phase changes by time alone.
 */
const status = byId('status');
const left = byId('left');
const sold = byId('sold');
const thanks = byId('thanks');

let phaseTimer: number | undefined;

function render(o: Overlay): void {
  const drop = o.feed.focus();
  window.clearTimeout(phaseTimer);
  if (!drop) return setPhase('none');
  const now = o.clock.now();
  const phase = phaseOf(drop, now);
  setPhase(phase);
  setText(status, PHASE_LABEL[phase]);
  setText(left, leftLine(phase === 'sold-out', drop.stock, drop.held));
  setText(sold, `${drop.sold} sold`);
  setText(thanks, recognitionLine(o.feed.salesOf(drop.id)));
  // The next moment the look changes without any patch: the last minute, then the deadline.
  if (drop.state === 'live' && drop.endsAt !== null) {
    const next = [drop.endsAt - LAST_MINUTE_MS, drop.endsAt].find((t) => t > now);
    if (next !== undefined) phaseTimer = window.setTimeout(() => render(o), next - now + 20);
  }
}

bootOverlay('bottom-left', render);
