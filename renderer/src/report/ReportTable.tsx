import type { ReactNode } from 'react';

export interface Column<R> {
  label: string;
  cell: (row: R) => ReactNode;
  /** Right-aligned, tabular figures. */
  num?: boolean;
}

interface Props<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R, index: number) => string | number;
  /** A note under the caption (what the numbers mean). */
  note?: string;
}

/** A captioned table; an empty one says so instead of a bare header row. */
export function ReportTable<R>({ caption, columns, rows, rowKey, note }: Props<R>) {
  return (
    <div className="report-table">
      <table>
        <caption>
          {caption}
          {note && <span className="report-table__note">{note}</span>}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                Nothing recorded.
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row, i)}>
                {columns.map((c) => (
                  <td key={c.label} className={c.num ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
