import type { ShowKpis } from '../../../shared/insights/kpis';
import type { FactEntry } from '../store/show-facts-repo';
import type { ShowCostRow } from '../store/shows-repo';
import { splitByWeights } from './largest-remainder';

export interface CpaInput {
  drops: Array<{ id: number; title: string; currency: string }>;
  entries: FactEntry[];
  costs: ShowCostRow[];
  /** Human clicks per drop and touchpoint (from the rollup). */
  clicks: Array<{ drop_id: number; touchpoint_id: number; clicks: number }>;
}

/**
 * Cost per acquisition. Costs are entered per touchpoint for the whole show; a touchpoint's cost is
 * spread over the show's drops by their share of its clicks (largest remainder, so the cents add up):
 *   cost(drop) = Σ_touchpoint cost(tp) × clicks(drop, tp) / clicks(tp)
 *   CPA(drop)  = cost(drop) ÷ purchases of the drop (rounded to the cent; null with no purchase)
 *   CPA(tp)    = cost(tp) ÷ purchases the ledger credits to tp
 * A touchpoint nobody clicked keeps its cost in `unallocated`.
 */
export function costPerAcquisition(input: CpaInput): ShowKpis['cpa'] {
  const purchases = input.entries.filter((e) => e.kind === 'purchase');
  const perDrop = new Map<number, number>();
  const perTp = new Map<number, number>();
  for (const p of purchases) {
    if (p.drop_id !== null) perDrop.set(p.drop_id, (perDrop.get(p.drop_id) ?? 0) + 1);
    perTp.set(p.touchpoint_id, (perTp.get(p.touchpoint_id) ?? 0) + 1);
  }
  const allocated = new Map<string, number>(); // `${dropId}/${currency}` → cents
  const unallocated = new Map<string, number>();
  for (const cost of input.costs) {
    const rows = input.clicks
      .filter((c) => c.touchpoint_id === cost.touchpoint_id && c.clicks > 0)
      .sort((a, b) => a.drop_id - b.drop_id);
    const total = rows.reduce((n, r) => n + r.clicks, 0);
    if (total === 0) {
      unallocated.set(cost.currency, (unallocated.get(cost.currency) ?? 0) + cost.amount_cents);
      continue;
    }
    const parts = splitByWeights(
      cost.amount_cents,
      rows.map((r) => r.clicks / total),
    );
    rows.forEach((r, i) => {
      const key = `${r.drop_id}/${cost.currency}`;
      allocated.set(key, (allocated.get(key) ?? 0) + parts[i]);
    });
  }
  const currencies = [...new Set(input.costs.map((c) => c.currency))].sort();
  const cpa = (cents: number, n: number): number | null => (n > 0 ? Math.round(cents / n) : null);
  return {
    byDrop: input.drops.flatMap((d) =>
      (currencies.length ? currencies : [d.currency]).map((currency) => {
        const costCents = allocated.get(`${d.id}/${currency}`) ?? 0;
        const acquisitions = perDrop.get(d.id) ?? 0;
        return {
          dropId: d.id,
          title: d.title,
          currency,
          costCents,
          acquisitions,
          cpaCents: cpa(costCents, acquisitions),
        };
      }),
    ),
    byTouchpoint: input.costs.map((c) => {
      const acquisitions = perTp.get(c.touchpoint_id) ?? 0;
      return {
        touchpoint: c.touchpoint,
        currency: c.currency,
        costCents: c.amount_cents,
        acquisitions,
        cpaCents: cpa(c.amount_cents, acquisitions),
      };
    }),
    unallocated: [...unallocated].sort().map(([currency, costCents]) => ({ currency, costCents })),
  };
}
