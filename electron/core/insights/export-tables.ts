import type { ShowKpis } from '../../../shared/insights/kpis';

/** A table with a fixed column order: the CSV header and every JSON row follow `columns`. */
export interface ExportTable {
  columns: readonly string[];
  rows: Array<Record<string, string | number | null>>;
}

export const EXPORT_COLUMNS = {
  clicks: ['id', 'at', 'at_iso', 'drop_id', 'touchpoint', 'via', 'visitor_id', 'is_unique', 'is_bot'],
  ledger: [
    'id',
    'at',
    'at_iso',
    'kind',
    'drop_id',
    'tier_id',
    'touchpoint',
    'link_code',
    'quantity',
    'amount_cents',
    'currency',
    'source',
    'external_id',
    'related_entry_id',
    'visitor_id',
    'email_hash',
  ],
  attribution: [
    'model',
    'entry_id',
    'drop_id',
    'touchpoint',
    'weight',
    'conversions',
    'revenue_cents',
    'currency',
    'touches',
  ],
  kpis: ['kpi', 'dimension', 'key', 'value', 'unit'],
} as const;
export type ExportName = keyof typeof EXPORT_COLUMNS;

/** Rows with exactly the listed columns, in that order (missing ones null). */
export function table<T extends object>(name: ExportName, rows: readonly T[]): ExportTable {
  const columns = EXPORT_COLUMNS[name];
  return {
    columns,
    rows: rows.map((row) => {
      const r = row as Record<string, unknown>;
      const out: Record<string, string | number | null> = {};
      for (const c of columns) {
        const v = c === 'at_iso' ? new Date(Number(r.at)).toISOString() : r[c];
        // Store rows hold only numbers, strings and NULL (hashes arrive as hex text).
        out[c] = typeof v === 'number' || typeof v === 'string' ? v : null;
      }
      return out;
    }),
  };
}

/** Every KPI as (kpi, dimension, key, value, unit) rows, in the order docs/kpis.md lists them. */
export function kpiRows(k: ShowKpis): Array<Record<string, string | number | null>> {
  const rows: Array<Record<string, string | number | null>> = [];
  const add = (kpi: string, dimension: string, key: string, value: number | null, unit: string) =>
    rows.push({ kpi, dimension, key, value, unit });
  for (const t of k.clicksPerMinute.byTouchpoint) {
    add('clicks_per_minute', 'touchpoint', t.touchpoint, t.perMinute, 'clicks/min');
  }
  for (const c of k.conversionByTouchpoint) add('conversion', 'touchpoint', c.key, c.rate, 'ratio');
  for (const c of k.conversionByCreator) add('conversion', 'creator', c.key, c.rate, 'ratio');
  add('purchase_lag_median', 'show', String(k.showId), k.purchaseLag.medianMinutes, 'minutes');
  add('purchase_lag_p90', 'show', String(k.showId), k.purchaseLag.p90Minutes, 'minutes');
  for (const w of k.sellThrough) {
    const key = new Date(w.from).toISOString();
    add('sell_through', 'window', key, w.sellThrough, 'ratio');
    add('restock_delta', 'window', key, w.restocked, 'units');
  }
  for (const c of k.cpa.byDrop) add('cpa', 'drop', String(c.dropId), c.cpaCents, `${c.currency} cents`);
  for (const c of k.cpa.byTouchpoint)
    add('cpa', 'touchpoint', c.touchpoint, c.cpaCents, `${c.currency} cents`);
  add('repeat_purchase_rate_30d', 'show', String(k.showId), k.repeatPurchase.rate, 'ratio');
  add('repeat_drop_conversion', 'show', String(k.showId), k.repeatDrop.rate, 'ratio');
  for (const r of k.revenue) {
    add('net_revenue', 'currency', r.currency, r.netCents, `${r.currency} cents`);
    add('creator_shares', 'currency', r.currency, r.creatorSharesCents, `${r.currency} cents`);
    add('host_net_revenue', 'currency', r.currency, r.hostNetCents, `${r.currency} cents`);
  }
  add('engaged_households', 'show', String(k.showId), k.households.engaged, 'households');
  return rows;
}
