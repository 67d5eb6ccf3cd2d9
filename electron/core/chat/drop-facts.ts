import type { Drop } from '../../../shared/drops';

/** The drop chat talks about: the live one (latest started), else the next scheduled, else none. */
export function currentDrop(drops: Drop[]): Drop | null {
  const live = drops
    .filter((d) => d.state === 'live')
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  if (live[0]) return live[0];
  const next = drops
    .filter((d) => d.state === 'scheduled')
    .sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0));
  return next[0] ?? null;
}

export function price(d: Pick<Drop, 'priceCents' | 'currency'>): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: d.currency }).format(
      d.priceCents / 100,
    );
  } catch {
    return `${(d.priceCents / 100).toFixed(2)} ${d.currency}`;
  }
}

/** `4:05` / `1:02:03`: spoken and typed alike. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "ends in 3:12", "starts in 10:00", "has ended". */
export function timeText(d: Drop, now: number): string {
  if (d.state === 'live' && d.endsAt !== null) return `ends in ${clockText(d.endsAt - now)}`;
  if (d.state === 'scheduled' && d.scheduledAt !== null) return `starts in ${clockText(d.scheduledAt - now)}`;
  if (d.state === 'sold_out') return 'is sold out';
  return 'has ended';
}

/** Fills `{name}` placeholders; unknown names stay as typed, so a typo shows instead of vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
