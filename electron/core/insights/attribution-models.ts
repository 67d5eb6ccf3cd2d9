import type { AttributionModel } from '../../../shared/insights/attribution';
import { TIME_DECAY_HALF_LIFE_MS } from '../../../shared/insights/attribution';

export interface Touch {
  at: number;
  /** Tie-break between touches at the same millisecond: the click's id (insertion order). */
  id: number;
  touchpointId: number;
}

/**
 * Credit per touchpoint for one conversion at `at` after the journey `touches` (any order; sorted here
 * by time, then id). Weights of one conversion sum to 1. With no touch at all, the whole credit goes to
 * `fallbackTouchpointId` (the touchpoint the ledger credited: the buyer's link, or "direct").
 *
 * - last_touch: everything to the latest touch.
 * - first_touch: everything to the earliest touch.
 * - linear: 1/n to each of the n touches.
 * - time_decay: each touch weighs 2^(-(at - touch.at) / H) with H = TIME_DECAY_HALF_LIFE_MS (1 hour),
 *   normalised to sum to 1: a scan one hour before the purchase counts half as much as one at it.
 */
export function creditWeights(
  model: AttributionModel,
  touches: readonly Touch[],
  at: number,
  fallbackTouchpointId: number,
): Map<number, number> {
  const sorted = [...touches].sort((a, b) => a.at - b.at || a.id - b.id);
  const credit = new Map<number, number>();
  const add = (tp: number, w: number): void => {
    credit.set(tp, (credit.get(tp) ?? 0) + w);
  };
  if (sorted.length === 0) {
    add(fallbackTouchpointId, 1);
    return credit;
  }
  switch (model) {
    case 'last_touch':
      add(sorted[sorted.length - 1].touchpointId, 1);
      break;
    case 'first_touch':
      add(sorted[0].touchpointId, 1);
      break;
    case 'linear':
      for (const t of sorted) add(t.touchpointId, 1 / sorted.length);
      break;
    case 'time_decay': {
      const raw = sorted.map((t) => 2 ** (-Math.max(0, at - t.at) / TIME_DECAY_HALF_LIFE_MS));
      const sum = raw.reduce((a, b) => a + b, 0);
      sorted.forEach((t, i) => add(t.touchpointId, raw[i] / sum));
      break;
    }
  }
  return credit;
}
