import { MINUTE_MS, type StatsRow } from '../../../shared/stats';

/** uPlot's column layout: x (unix seconds), clicks, sales — one point per minute, all touchpoints summed. */
export type ChartColumns = [number[], number[], number[]];

export function toChartColumns(rows: readonly StatsRow[]): ChartColumns {
  const perMinute = new Map<number, { clicks: number; sales: number }>();
  for (const row of rows) {
    const bucket = perMinute.get(row.minute) ?? { clicks: 0, sales: 0 };
    bucket.clicks += row.clicks;
    bucket.sales += row.sales;
    perMinute.set(row.minute, bucket);
  }
  const minutes = [...perMinute.keys()].sort((a, b) => a - b);
  return [
    minutes.map((m) => m / 1000),
    minutes.map((m) => perMinute.get(m)?.clicks ?? 0),
    minutes.map((m) => perMinute.get(m)?.sales ?? 0),
  ];
}

/** The per-minute measures the live charts can draw, one line per touchpoint. */
export const MEASURES = [
  { id: 'clicks', label: 'Clicks' },
  { id: 'uniqueClicks', label: 'Unique clicks' },
  { id: 'sales', label: 'Sales' },
] as const;
export type Measure = (typeof MEASURES)[number]['id'];

export interface TouchpointSeries {
  /** Epoch ms of every minute from the first to the last row, gaps included. */
  minutes: number[];
  /** Touchpoint keys, sorted, one line each. */
  touchpoints: string[];
  /** `values[i][j]`: the measure of `touchpoints[i]` in `minutes[j]`. */
  values: number[][];
}

/**
 * The rollup only has rows for minutes where something happened; a quiet minute is a real 0, so the
 * x axis runs minute by minute and the lines drop to 0 instead of drawing across the gap. Values are
 * the rows' own numbers, never summed or re-derived.
 */
export function touchpointSeries(rows: readonly StatsRow[], measure: Measure): TouchpointSeries {
  if (rows.length === 0) return { minutes: [], touchpoints: [], values: [] };
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    first = Math.min(first, row.minute);
    last = Math.max(last, row.minute);
  }
  const minutes: number[] = [];
  for (let m = first; m <= last; m += MINUTE_MS) minutes.push(m);
  const touchpoints = [...new Set(rows.map((r) => r.touchpoint))].sort();
  const line = new Map(touchpoints.map((t) => [t, new Array<number>(minutes.length).fill(0)]));
  for (const row of rows) {
    const values = line.get(row.touchpoint);
    if (values) values[(row.minute - first) / MINUTE_MS] = row[measure];
  }
  return { minutes, touchpoints, values: touchpoints.map((t) => line.get(t) ?? []) };
}

/** The same series in uPlot's columns (x in unix seconds). */
export function toUplotData(series: TouchpointSeries): [number[], ...number[][]] {
  return [series.minutes.map((m) => m / 1000), ...series.values];
}
