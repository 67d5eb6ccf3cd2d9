/** Display formats of the report. Money is integer cents in the data; shown with the currency code. */

export function money(cents: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
}

export const percent = (ratio: number | null): string =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(1)} %`;

export const num = (n: number | null, digits = 0): string =>
  n === null ? '—' : n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const minutes = (m: number | null): string => (m === null ? '—' : `${num(m, 1)} min`);

export function dateTime(ms: number | null): string {
  if (ms === null) return '—';
  return new Date(ms).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

export const time = (ms: number): string =>
  new Date(ms).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
