import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { toUplotData, type TouchpointSeries } from '../lib/stats-series';

const HEIGHT = 200;
/** Distinct on the dark surface; a ninth touchpoint reuses the first colour. */
const COLOURS = ['#5cc8ff', '#7ee787', '#e3b341', '#ff7b72', '#d2a8ff', '#ffa657', '#f778ba', '#a5d6ff'];
const AXIS = { stroke: '#9aa3b2', grid: { stroke: '#262b36' }, ticks: { stroke: '#262b36' } };

export const colourOf = (index: number): string => COLOURS[index % COLOURS.length];

function options(
  width: number,
  touchpoints: readonly string[],
  labels: ReadonlyMap<string, string>,
  onCursor: (idx: number | null) => void,
): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    // The legend is ours (readable at phone width); the cursor tells it which minute to show.
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    hooks: { setCursor: [(u) => onCursor(u.cursor.idx ?? null)] },
    scales: {
      x: { time: true },
      // Never fractions of a scan on the y axis.
      y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
    },
    // Wide tick spacing on x: at phone width uPlot would otherwise label every 30 seconds.
    axes: [
      { ...AXIS, space: 70 },
      // Whole-number steps on y: there is no half of a click.
      {
        ...AXIS,
        size: 40,
        space: 24,
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000],
      },
    ],
    series: [
      {},
      ...touchpoints.map((t, i) => ({
        label: labels.get(t) ?? t,
        stroke: colourOf(i),
        width: 2,
        points: { show: true, size: 5 },
      })),
    ],
  };
}

interface Props {
  series: TouchpointSeries;
  labels: ReadonlyMap<string, string>;
  /** The minute (index into `series.minutes`) under the pointer, null when it leaves the chart. */
  onHover: (idx: number | null) => void;
}

/**
 * One line per touchpoint. uPlot draws once per change; a new touchpoint (a different set of lines)
 * rebuilds the chart (declared before the data effect, so it runs first); anything else is fed in
 * with setData so the chart does not flicker.
 */
export function TouchpointChart({ series, labels, onHover }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const hover = useRef(onHover);
  const shape = series.touchpoints.join('\n');

  useEffect(() => {
    hover.current = onHover;
  }, [onHover]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const touchpoints = shape === '' ? [] : shape.split('\n');
    // Empty columns: the data effect below runs right after this one and fills them.
    const empty: [number[], ...number[][]] = [[], ...touchpoints.map(() => [])];
    const onCursor = (idx: number | null): void => hover.current(idx);
    const chart = new uPlot(options(el.clientWidth || 320, touchpoints, labels, onCursor), empty, el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth || 320, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [shape, labels]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    chart.setData(toUplotData(series));
    // Early in a drop there are one or two minutes of data, which uPlot would stretch edge to edge:
    // always show at least the last ten minutes.
    const xs = series.minutes;
    if (xs.length > 0) {
      const last = xs[xs.length - 1] / 1000;
      chart.setScale('x', { min: Math.min(xs[0] / 1000, last - 600), max: last + 30 });
    }
  }, [series, shape, labels]);

  return <div ref={container} className="dash-chart__canvas" />;
}
