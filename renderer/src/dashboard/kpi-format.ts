/** A KPI rate (0..1, 4 decimals from the API) as a percent with at most one decimal; null → "—". */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const percent = Math.round(rate * 1000) / 10;
  return `${percent.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;
}

/** Minutes as the API rounds them (2 decimals); null when no purchase could be joined to a click. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  return `${minutes.toLocaleString('en-US', { maximumFractionDigits: 2 })} min`;
}

/** How much of the gauge's arc to fill: the rate clamped to 0..1 (oversold drops exceed 1). */
export function gaugeFraction(rate: number | null): number {
  if (rate === null || !Number.isFinite(rate)) return 0;
  return Math.min(1, Math.max(0, rate));
}
