import type { LiveKpis } from '../../../shared/insights/kpis';
import { formatRate } from './kpi-format';
import './tables.css';

type Row = LiveKpis['conversionByTouchpoint'][number];

/** Conversion rows as the API answers them: visitors, purchases and the rate, one line per key. */
export function ConversionTable({
  caption,
  keyLabel,
  rows,
}: {
  caption: string;
  keyLabel: string;
  rows: readonly Row[];
}) {
  return (
    <div className="dash-table-wrap" tabIndex={0} role="group" aria-label={caption}>
      <table className="dash-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col">Visitors</th>
            <th scope="col">Purchases</th>
            <th scope="col">Rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                No visitors yet.
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                <td>{row.visitors}</td>
                <td>{row.purchases}</td>
                <td>{formatRate(row.rate)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
