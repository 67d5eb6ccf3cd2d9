import type { ExportTable } from './export-tables';

/** Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV: a header row in the table's column order, CRLF line ends, a field quoted (quotes
 * doubled) when it holds a comma, a quote or a line break. A text field that would start a formula
 * gets a leading apostrophe; numbers (negative refunds included) are written as they are.
 */
export function toCsv(t: ExportTable): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const text = FORMULA_START.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [t.columns.join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => cell(r[c] ?? null)).join(','));
  return lines.join('\r\n') + '\r\n';
}
