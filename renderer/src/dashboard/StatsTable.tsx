import { useState } from 'react';
import type { StatsRow } from '../../../shared/stats';
import { formatClockTime } from '../lib/format';
import './tables.css';

/**
 * The chart's numbers as a table, row for row what GET /api/drops/:id/stats answers. Rendered only
 * while open: a long drop has thousands of rows.
 */
export function StatsTable({ rows }: { rows: readonly StatsRow[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="dash-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show as table ({rows.length} rows)</summary>
      {open && (
        <div
          className="dash-table-wrap"
          tabIndex={0}
          role="group"
          aria-label="Per minute and touchpoint, scrollable"
        >
          <table className="dash-table">
            <caption>Per minute and touchpoint</caption>
            <thead>
              <tr>
                <th scope="col">Minute</th>
                <th scope="col">Touchpoint</th>
                <th scope="col">Clicks</th>
                <th scope="col">Unique clicks</th>
                <th scope="col">QR scans</th>
                <th scope="col">Sales</th>
                <th scope="col">Units</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.minute}|${row.touchpoint}`}>
                  <td>
                    <time dateTime={new Date(row.minute).toISOString()}>{formatClockTime(row.minute)}</time>
                  </td>
                  <th scope="row">{row.touchpoint}</th>
                  <td>{row.clicks}</td>
                  <td>{row.uniqueClicks}</td>
                  <td>{row.qrScans}</td>
                  <td>{row.sales}</td>
                  <td>{row.units}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
