import type { Calendar, CalendarQuery, Drop } from '../../../shared/drops';
import { AppError } from '../domain-error';

const DAY_MS = 24 * 3600_000;
export const CALENDAR_DEFAULT_DAYS = 30;
const CALENDAR_MAX_DAYS = 366;

/** The window a calendar request covers, with defaults and limits applied. */
export function calendarWindow(
  q: CalendarQuery,
  now: number,
): { from: number; to: number; timeZone: string } {
  const from = q.from ?? now;
  const to = q.to ?? from + CALENDAR_DEFAULT_DAYS * DAY_MS;
  if (to <= from) throw new AppError('bad_request', '"to" must be after "from".');
  if (to - from > CALENDAR_MAX_DAYS * DAY_MS) {
    throw new AppError(
      'bad_request',
      `A calendar covers at most ${CALENDAR_MAX_DAYS} days; narrow "from"/"to".`,
    );
  }
  return { from, to, timeZone: checkTimeZone(q.timeZone) };
}

function checkTimeZone(timeZone: string | undefined): string {
  const fallback = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (timeZone === undefined) return fallback;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new AppError(
      'bad_request',
      `Unknown time zone "${timeZone}"; use an IANA name such as "Europe/Berlin".`,
    );
  }
}

/** YYYY-MM-DD of an instant as seen in `timeZone`. */
export function localDate(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Scheduled drops grouped by their local start date; days without drops are left out. */
export function buildCalendar(
  scheduled: Drop[],
  window: { from: number; to: number; timeZone: string },
): Calendar {
  const days = new Map<string, Drop[]>();
  for (const drop of scheduled) {
    if (drop.scheduledAt === null) continue;
    const date = localDate(drop.scheduledAt, window.timeZone);
    days.set(date, [...(days.get(date) ?? []), drop]);
  }
  return { ...window, days: [...days.entries()].map(([date, drops]) => ({ date, drops })) };
}
