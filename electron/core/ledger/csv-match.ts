import type { Drop } from '../../../shared/drops';
import type { Attribution, Origin } from './attribution';

export interface CsvMatch {
  by: 'redemption_code' | 'time_amount' | 'time' | 'none';
  confidence: number;
  origin: Origin;
}

/** Redemption codes as shown on the buyer's phone: 6 of the unambiguous letters/digits. */
const CODE_TOKEN = /\b[2-9A-HJ-NP-Za-hj-np-z]{6}\b/g;

/**
 * Which drop a card-reader line belongs to. Best: the buyer's redemption code in the POS note (1.0).
 * Failing that, the drop that was live at that time and has a tier at exactly that price — certain
 * enough when it is the only one (0.8, 0.6 just outside the live window), a guess when several are
 * (0.4); a drop live at that time whose prices don't fit is a weak hint (0.3). Nothing: posted
 * without a drop (0).
 */
export function matchRow(
  row: { at: number; amountCents: number; currency: string; quantity: number; note: string | null },
  drops: Drop[],
  attribution: Attribution,
  windowMs: number,
  now: number,
): CsvMatch {
  for (const token of row.note?.match(CODE_TOKEN) ?? []) {
    const origin = attribution.fromRedemptionCode(token);
    if (origin) return { by: 'redemption_code', confidence: 1, origin };
  }
  const live = drops
    .filter((d) => d.startedAt !== null && d.currency === row.currency)
    .map((d) => {
      const start = d.startedAt ?? 0;
      const end = d.endedAt ?? d.endsAt ?? now;
      const inside = row.at >= start && row.at <= end;
      const near = row.at >= start - windowMs && row.at <= end + windowMs;
      return { drop: d, inside, near };
    })
    .filter((c) => c.near);
  const priced = live.flatMap((c) =>
    c.drop.tiers
      .filter((t) => t.priceCents * row.quantity === row.amountCents)
      .map((t) => ({ ...c, tierId: t.id })),
  );
  const none = attribution.none();
  if (priced.length >= 1) {
    const best = priced.find((p) => p.inside) ?? priced[0];
    const confidence = priced.length > 1 ? 0.4 : best.inside ? 0.8 : 0.6;
    return { by: 'time_amount', confidence, origin: { ...none, dropId: best.drop.id, tierId: best.tierId } };
  }
  if (live.length === 1) {
    return { by: 'time', confidence: 0.3, origin: { ...none, dropId: live[0].drop.id } };
  }
  return { by: 'none', confidence: 0, origin: none };
}
