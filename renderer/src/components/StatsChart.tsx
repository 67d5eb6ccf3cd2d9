import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StatsRow } from '../../../shared/stats';
import { toChartColumns } from '../lib/stats-series';

const HEIGHT = 180;

function chartOptions(width: number): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    legend: { show: true },
    scales: {
      x: { time: true },
      // Never fractions of a scan on the y axis.
      y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
    },
    axes: [
      { stroke: '#9aa3b2', grid: { stroke: '#262b36' }, space: 70 },
      // Whole-number steps: there is no half of a click.
      {
        stroke: '#9aa3b2',
        grid: { stroke: '#262b36' },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000],
      },
    ],
    series: [
      {},
      { label: 'Clicks', stroke: '#5cc8ff', width: 2, fill: 'rgba(92,200,255,0.12)' },
      { label: 'Sales', stroke: '#7ee787', width: 2 },
    ],
  };
}

/**
 * Per-minute clicks and sales for one drop (all touchpoints summed). The uPlot instance is created
 * once and fed new columns as `stats:updated` patches arrive, so the chart never flickers.
 */
function MinuteChart({ rows }: { rows: readonly StatsRow[] }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const chart = new uPlot(chartOptions(el.clientWidth || 320), [[], [], []], el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth || 320, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    const columns = toChartColumns(rows);
    chart.setData(columns);
    // Early in a drop there are one or two minutes of data, which uPlot would stretch over years:
    // always show at least the last ten minutes.
    const xs = columns[0];
    if (xs.length > 0)
      chart.setScale('x', { min: Math.min(xs[0], xs[xs.length - 1] - 600), max: xs[xs.length - 1] + 30 });
  }, [rows]);

  return <div ref={container} />;
}

export function StatsChart({ rows }: { rows: readonly StatsRow[] }) {
  return (
    <figure className="chart">
      <figcaption>Clicks and sales per minute</figcaption>
      {rows.length === 0 ? (
        <p className="muted">No scans yet — share a link to see them here.</p>
      ) : (
        <MinuteChart rows={rows} />
      )}
    </figure>
  );
}
