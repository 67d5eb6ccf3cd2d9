/**
 * How the in-panel report writes its numbers. Money goes through lib/format's formatMoney like the
 * rest of the panel; these cover rates, counts and times, with "—" where the API says null
 * (a rate with no denominator is not 0 %).
 */

export const DASH = '—';

export function formatRate(ratio: number | null): string {
  return ratio === null ? DASH : `${(ratio * 100).toFixed(1)} %`;
}

export function formatCount(n: number | null, digits = 0): string {
  if (n === null) return DASH;
  return n.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatMinutes(m: number | null): string {
  return m === null ? DASH : `${formatCount(m, 1)} min`;
}

/** Basis points as the percent the host typed: 1550 → "15.5 %", 1000 → "10 %". */
export function formatShare(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })} %`;
}

export function formatDateTime(ms: number | null): string {
  if (ms === null) return DASH;
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTimeRange(from: number, to: number): string {
  const time = (ms: number): string =>
    new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${time(from)}–${time(to)}`;
}

/** `sold_out` → "Sold out", `last_touch` → "Last touch". */
export function humanize(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
