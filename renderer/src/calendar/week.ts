/**
 * A Monday-to-Sunday week in this device's time zone. Days are built from calendar components
 * (new Date(y, m, d + i)), never by adding 24 h, so a daylight-saving change keeps midnight midnight.
 */
export interface WeekDay {
  /** YYYY-MM-DD, the key calendar:get groups by. */
  date: string;
  start: Date;
}

export interface Week {
  monday: Date;
  days: WeekDay[];
  /** Epoch ms of Monday 00:00 and of the next Monday 00:00 (exclusive). */
  from: number;
  to: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function localDateKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function mondayOf(d: Date): Date {
  const sinceMonday = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday);
}

export function buildWeek(anyDay: Date): Week {
  const monday = mondayOf(anyDay);
  const at = (offset: number): Date =>
    new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + offset);
  const days = Array.from({ length: 7 }, (_, i) => ({ date: localDateKey(at(i)), start: at(i) }));
  return { monday, days, from: monday.getTime(), to: at(7).getTime() };
}

export function shiftWeek(week: Week, weeks: number): Week {
  const m = week.monday;
  return buildWeek(new Date(m.getFullYear(), m.getMonth(), m.getDate() + 7 * weeks));
}

/** "1 – 7 Dec 2026", or across months "30 Nov – 6 Dec 2026". */
export function weekTitle(week: Week, locale?: string): string {
  const first = week.days[0].start;
  const last = week.days[6].start;
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const full = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${day.format(first)} – ${full.format(last)}`;
}

/** "Mon 7 Dec" as the day's heading. */
export function dayTitle(day: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(day);
}
