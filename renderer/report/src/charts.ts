import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ShowKpis } from '../../../shared/insights/kpis';

const PALETTE = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4b5563'];
const CHART_HEIGHT = 240;

/** Width for a chart in `host`: the width of its column, capped so lines stay readable. */
const widthOf = (host: HTMLElement): number => Math.max(280, Math.min(host.clientWidth || 900, 1000));

/**
 * uPlot draws at a fixed pixel size; when the window is resized or the page is laid out for paper
 * (the print column is narrower than the screen), each chart is resized to its column again.
 */
export function keepFitted(charts: Array<{ plot: uPlot; host: HTMLElement }>): void {
  const fit = (): void => {
    for (const { plot, host } of charts) plot.setSize({ width: widthOf(host), height: CHART_HEIGHT });
  };
  window.addEventListener('resize', fit);
  window.addEventListener('beforeprint', fit);
  window.addEventListener('afterprint', fit);
  window.matchMedia('print').addEventListener('change', fit);
}

/**
 * Clicks per minute, one line per touchpoint, on a shared minute axis (missing minutes are 0: no
 * clicks, not unknown).
 */
export function clicksChart(host: HTMLElement, k: ShowKpis['clicksPerMinute']): uPlot | null {
  if (k.series.length === 0) return null;
  const minutes = [...new Set(k.series.map((r) => r.minute))].sort((a, b) => a - b);
  const first = minutes[0];
  const last = minutes[minutes.length - 1];
  const xs: number[] = [];
  for (let m = first; m <= last; m += 60_000) xs.push(m / 1000);
  const touchpoints = k.byTouchpoint.map((t) => t.touchpoint);
  const index = new Map(xs.map((x, i) => [x * 1000, i]));
  const ys = touchpoints.map(() => new Array<number>(xs.length).fill(0));
  for (const r of k.series) ys[touchpoints.indexOf(r.touchpoint)][index.get(r.minute) ?? 0] += r.clicks;
  return new uPlot(
    {
      width: widthOf(host),
      height: CHART_HEIGHT,
      title: 'Clicks per minute by touchpoint',
      scales: { x: { time: true } },
      axes: [{}, { label: 'clicks' }],
      series: [
        {},
        ...touchpoints.map((label, i) => ({ label, stroke: PALETTE[i % PALETTE.length], width: 2 })),
      ],
    },
    [xs, ...ys],
    host,
  );
}

/** Sell-through per two-hour window and cumulative, in percent. */
export function sellThroughChart(host: HTMLElement, windows: ShowKpis['sellThrough']): uPlot | null {
  if (windows.length === 0) return null;
  const pct = (v: number | null): number | null => (v === null ? null : v * 100);
  return new uPlot(
    {
      width: widthOf(host),
      height: CHART_HEIGHT,
      title: 'Sell-through per two-hour window',
      // Half a window of room on each side, so the first and last bars are not cut in half.
      scales: {
        x: { time: true, range: (_u, min, max) => [min - 3600, max + 3600] },
        y: { range: [0, 100] },
      },
      axes: [{}, { label: '%' }],
      series: [
        {},
        {
          label: 'in window',
          stroke: PALETTE[0],
          fill: 'rgba(37, 99, 235, 0.15)',
          width: 2,
          paths: uPlot.paths.bars?.({ size: [0.6, 80] }),
        },
        { label: 'cumulative', stroke: PALETTE[1], width: 2 },
      ],
    },
    [
      windows.map((w) => w.from / 1000),
      windows.map((w) => pct(w.sellThrough)),
      windows.map((w) => pct(w.cumulativeSellThrough)),
    ],
    host,
  );
}
