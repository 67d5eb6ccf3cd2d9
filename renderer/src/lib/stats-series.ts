import type { StatsRow } from '../../../shared/stats';

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
