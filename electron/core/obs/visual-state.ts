import type { Drop } from '../../../shared/drops';
import type { ObsAction, ObsDropMoment } from '../../../shared/obs';
import { LAST_MINUTE_MS } from '../drops/drop-transitions';
import { collapseActions } from './action-batch';

/** Moments in the order a drop lives through them. */
const ORDER: ObsDropMoment[] = ['start', 'lastMinute', 'soldOut', 'end'];

/**
 * Which moments a running drop has already gone through, from its persisted state, so the look is
 * right even when DropDeck itself restarted while OBS was away. A restock re-opens a sold-out drop,
 * which is why sold-out counts only while the drop is sold out right now.
 */
export function momentsReached(drop: Drop, lastMinuteAt: number | null, now: number): ObsDropMoment[] {
  if (drop.state !== 'live' && drop.state !== 'sold_out') return [];
  const reached = new Set<ObsDropMoment>(['start']);
  if (lastMinuteAt !== null || (drop.endsAt !== null && drop.endsAt - now <= LAST_MINUTE_MS))
    reached.add('lastMinute');
  if (drop.state === 'sold_out') reached.add('soldOut');
  return ORDER.filter((m) => reached.has(m));
}

/** The OBS actions that put OBS into the drop's current look, collapsed to the end state. */
export function visualStateActions(drop: Drop, lastMinuteAt: number | null, now: number): ObsAction[] {
  const actions = drop.obsActions;
  if (!actions) return [];
  return collapseActions(momentsReached(drop, lastMinuteAt, now).flatMap((m) => actions[m] ?? []));
}
