import { bootOverlay, byId, setPhase, setText, type Overlay } from './lib/boot';
import { frameLoop } from './lib/lifecycle';
import { countdownMs, formatClock, PHASE_LABEL, phaseOf } from './lib/phase';

/**
 * `/overlay/timer?drop=ID`: the drop's countdown. Every frame shows `endsAt - serverNow`, so the
 * number is never "kept" anywhere that could drift, lag after a reload or freeze while hidden.
 */
const title = byId('title');
const time = byId('time');
const status = byId('status');

function frame({ feed, clock }: Overlay): void {
  const drop = feed.focus();
  if (!drop) return setPhase('none');
  const now = clock.now();
  const phase = phaseOf(drop, now);
  setPhase(phase);
  setText(title, drop.title);
  setText(time, formatClock(countdownMs(drop, now)));
  setText(status, PHASE_LABEL[phase]);
}

/** Only a running clock needs frames; a sold-out or ended drop is painted once per change. */
function ticking({ feed, clock }: Overlay): boolean {
  const drop = feed.focus();
  if (!drop) return false;
  const phase = phaseOf(drop, clock.now());
  return phase === 'live' || phase === 'last-minute' || (phase === 'upcoming' && drop.scheduledAt !== null);
}

const overlay: Overlay = bootOverlay('top-right', () => kick());
const kick = frameLoop(
  () => frame(overlay),
  () => ticking(overlay),
);
