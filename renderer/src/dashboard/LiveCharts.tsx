import { useId, useMemo, useState } from 'react';
import type { StatsRow } from '../../../shared/stats';
import { usePanel } from '../api/panel-context';
import { formatClockTime } from '../lib/format';
import { MEASURES, touchpointSeries, type Measure } from '../lib/stats-series';
import { StatsTable } from './StatsTable';
import { colourOf, TouchpointChart } from './TouchpointChart';
import './charts.css';

interface Props {
  rows: readonly StatsRow[] | null;
  error: string | null;
  onRetry: () => void;
}

/** Per-minute clicks, unique clicks or sales of the drop, one line per touchpoint, live from the hub. */
export function LiveCharts({ rows, error, onRetry }: Props) {
  const { touchpoints } = usePanel();
  const [measure, setMeasure] = useState<Measure>('clicks');
  const name = useId();
  const labels = useMemo(() => new Map(touchpoints.map((t) => [t.key, t.label])), [touchpoints]);
  const series = useMemo(() => touchpointSeries(rows ?? [], measure), [rows, measure]);
  const measureLabel = MEASURES.find((m) => m.id === measure)?.label ?? measure;
  const [hovered, setHovered] = useState<number | null>(null);
  // The legend carries the numbers: of the minute under the pointer, else of the latest minute.
  const at = hovered !== null && hovered < series.minutes.length ? hovered : series.minutes.length - 1;

  return (
    <section className="card dash-charts" aria-labelledby={`${name}-title`}>
      <div className="dash-charts__head">
        <h2 id={`${name}-title`} className="dash-title">
          Per minute by touchpoint
        </h2>
        <fieldset className="dash-switch">
          <legend className="dash-switch__legend">Measure</legend>
          {MEASURES.map((m) => (
            <label key={m.id} className="dash-switch__option">
              <input
                type="radio"
                name={name}
                value={m.id}
                checked={measure === m.id}
                onChange={() => setMeasure(m.id)}
              />
              <span>{m.label}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {error && (
        <div className="form-error dash-inline-error" role="alert">
          <p>The per-minute history could not be loaded: {error}</p>
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
      {rows === null ? (
        !error && <p className="muted">Loading the per-minute stats…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No scans yet. Share a link or show the QR on stream and they appear here.</p>
      ) : (
        <>
          <div
            className="dash-chart"
            role="img"
            aria-label={`${measureLabel} per minute for ${series.touchpoints.length} touchpoints over ${series.minutes.length} minutes; the table below has every value`}
          >
            <TouchpointChart series={series} labels={labels} onHover={setHovered} />
          </div>
          <div className="dash-legend-row">
            {at >= 0 && (
              <span className="muted">
                {measureLabel} at {formatClockTime(series.minutes[at])}:
              </span>
            )}
            <ul className="dash-legend" aria-label="Touchpoints">
              {series.touchpoints.map((t, i) => (
                <li key={t}>
                  <span
                    className="dash-legend__swatch"
                    style={{ background: colourOf(i) }}
                    aria-hidden="true"
                  />
                  {labels.get(t) ?? t}
                  {at >= 0 && <strong className="dash-legend__value">{series.values[i][at]}</strong>}
                </li>
              ))}
            </ul>
          </div>
          <StatsTable rows={rows} />
        </>
      )}
    </section>
  );
}
