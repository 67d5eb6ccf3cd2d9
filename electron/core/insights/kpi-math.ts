/** Small pure pieces of the KPI formulas (docs/kpis.md), kept apart so tests can pin them down. */

export const TWO_HOURS_MS = 2 * 3600_000;

/** rate = numerator / denominator, null when there is nothing to divide by; 4 decimals. */
export const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

/**
 * Nearest-rank percentile: the value at rank ceil(p × n) of the sorted values (1-based), so it is
 * always one of the observed values. The median is p = 0.5 (for n = 4: the 2nd value).
 */
export function nearestRank(sortedAsc: readonly number[], p: number): number | null {
  if (sortedAsc.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sortedAsc.length));
  return sortedAsc[rank - 1];
}

export interface StockEvent {
  at: number;
  delta: number;
  reason: string;
}

export interface SellThroughWindow {
  from: number;
  to: number;
  stockAtStart: number;
  restocked: number;
  unitsSold: number;
  sellThrough: number | null;
  cumulativeSellThrough: number | null;
}

/**
 * Two-hour windows [from + 2h·k, from + 2h·(k+1)) covering [from, to]. Per window:
 *   stockAtStart = Σ inventory deltas before the window (initial stock, sales, restocks, refunds);
 *   restocked    = Σ restock deltas in the window (the restock delta);
 *   unitsSold    = Σ ledger quantity in the window (net of refunds);
 *   sellThrough  = unitsSold / (stockAtStart + units added in the window: initial stock and restocks);
 *   cumulativeSellThrough = units sold up to the window's end / (all initial stock + restocks up to it).
 */
export function sellThroughWindows(
  from: number,
  to: number,
  movements: readonly StockEvent[],
  sales: ReadonlyArray<{ at: number; quantity: number }>,
  maxWindows = 84,
): SellThroughWindow[] {
  const out: SellThroughWindow[] = [];
  let soldSoFar = 0;
  let suppliedSoFar = 0;
  for (let start = from, k = 0; start <= to && k < maxWindows; start += TWO_HOURS_MS, k++) {
    const end = start + TWO_HOURS_MS;
    const within = (at: number): boolean => at >= start && at < end;
    const stockAtStart = movements.filter((m) => m.at < start).reduce((n, m) => n + m.delta, 0);
    const added = movements
      .filter((m) => within(m.at) && (m.reason === 'initial' || m.reason === 'restock'))
      .reduce((n, m) => n + m.delta, 0);
    const restocked = movements
      .filter((m) => within(m.at) && m.reason === 'restock')
      .reduce((n, m) => n + m.delta, 0);
    if (k === 0) {
      suppliedSoFar = movements
        .filter((m) => m.at < start && (m.reason === 'initial' || m.reason === 'restock'))
        .reduce((n, m) => n + m.delta, 0);
      soldSoFar = sales.filter((s) => s.at < start).reduce((n, s) => n + s.quantity, 0);
    }
    const unitsSold = sales.filter((s) => within(s.at)).reduce((n, s) => n + s.quantity, 0);
    soldSoFar += unitsSold;
    suppliedSoFar += added;
    out.push({
      from: start,
      to: end,
      stockAtStart,
      restocked,
      unitsSold,
      sellThrough: rate(unitsSold, stockAtStart + added),
      cumulativeSellThrough: rate(soldSoFar, suppliedSoFar),
    });
  }
  return out;
}
