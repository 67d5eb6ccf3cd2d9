import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWeek, localDateKey, mondayOf, shiftWeek } from '../../../renderer/src/calendar/week';

let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
  // Node re-reads TZ when it changes: a zone with daylight saving makes the day arithmetic honest.
  process.env.TZ = 'Europe/Berlin';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('calendar week', () => {
  it('runs Monday to Sunday around any day, Sunday included', () => {
    expect(localDateKey(mondayOf(new Date(2026, 11, 2, 15)))).toBe('2026-11-30');
    expect(localDateKey(mondayOf(new Date(2026, 11, 6, 23, 59)))).toBe('2026-11-30');
    expect(localDateKey(mondayOf(new Date(2026, 11, 7, 0, 0)))).toBe('2026-12-07');
    const week = buildWeek(new Date(2026, 11, 2, 15));
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(week.from).toBe(new Date(2026, 10, 30).getTime());
    expect(week.to).toBe(new Date(2026, 11, 7).getTime());
  });

  it('keeps midnight at midnight across a daylight-saving change (the week is 169 hours)', () => {
    const week = buildWeek(new Date(2026, 9, 22));
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
    expect(week.days.every((d) => d.start.getHours() === 0)).toBe(true);
    expect(week.to - week.from).toBe(169 * 3600_000);
    expect(shiftWeek(week, 1).days[0].date).toBe('2026-10-26');
    expect(shiftWeek(week, 1).from).toBe(week.to);
  });

  it('moves whole weeks back and forth, over a year end', () => {
    const week = buildWeek(new Date(2026, 11, 30));
    expect(shiftWeek(week, 1).days.map((d) => d.date)).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-01-09',
      '2027-01-10',
    ]);
    expect(shiftWeek(shiftWeek(week, 3), -3).from).toBe(week.from);
    expect(shiftWeek(week, -1).days[6].date).toBe('2026-12-27');
  });
});
