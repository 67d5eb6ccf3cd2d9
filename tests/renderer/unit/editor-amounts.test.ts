import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  centsToDecimal,
  checkoutUrlProblem,
  formatDuration,
  minutesAndSecondsToSec,
  parsePercent,
  secToMinutesAndSeconds,
  wholeInRange,
} from '../../../renderer/src/editor/amounts';
import { fromDateTimeLocal, toDateTimeLocal } from '../../../renderer/src/editor/datetime-local';

describe('editor amounts', () => {
  it('turns cents back into what a person types', () => {
    expect(centsToDecimal(2500)).toBe('25.00');
    expect(centsToDecimal(4550)).toBe('45.50');
    expect(centsToDecimal(7)).toBe('0.07');
    expect(centsToDecimal(0)).toBe('0.00');
  });

  it('reads minutes and seconds, empty boxes as zero, anything else as a mistake', () => {
    expect(minutesAndSecondsToSec('12', '30')).toBe(750);
    expect(minutesAndSecondsToSec('', '45')).toBe(45);
    expect(minutesAndSecondsToSec('5', '')).toBe(300);
    expect(minutesAndSecondsToSec('1.5', '0')).toBeNull();
    expect(minutesAndSecondsToSec('-1', '0')).toBeNull();
    expect(secToMinutesAndSeconds(750)).toEqual({ minutes: '12', seconds: '30' });
    expect(secToMinutesAndSeconds(59)).toEqual({ minutes: '0', seconds: '59' });
  });

  it('accepts whole numbers only within the range', () => {
    expect(wholeInRange('30', 30, 60)).toBe(30);
    expect(wholeInRange('29', 30, 60)).toBeNull();
    expect(wholeInRange('61', 30, 60)).toBeNull();
    expect(wholeInRange('', 0, 60)).toBeNull();
  });

  it('catches checkout links that cannot work, and leaves the rest to the core', () => {
    expect(checkoutUrlProblem('https://shop.example/checkout')).toBeNull();
    expect(checkoutUrlProblem('  http://shop.example/c?v=1 ')).toBeNull();
    expect(checkoutUrlProblem('')).toMatch(/Enter the checkout link/);
    expect(checkoutUrlProblem('shop.example/checkout')).toMatch(/starting with https/);
    expect(checkoutUrlProblem('ftp://shop.example/glow')).toMatch(/must start with https/);
    expect(checkoutUrlProblem('javascript:alert(1)')).toMatch(/must start with https/);
    // The core refuses user info in the URL with its own message; the form does not second-guess it.
    expect(checkoutUrlProblem('https://me:pw@shop.example/')).toBeNull();
  });
});

describe('datetime-local', () => {
  let savedTz: string | undefined;
  beforeEach(() => {
    savedTz = process.env.TZ;
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("round-trips through this device's zone", () => {
    const at = Date.UTC(2026, 11, 9, 0, 30); // 19:30 the evening before, in New York
    expect(toDateTimeLocal(at)).toBe('2026-12-08T19:30');
    expect(fromDateTimeLocal('2026-12-08T19:30')).toBe(at);
  });

  it('refuses text that is not a real local date and time', () => {
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('2026-02-31T10:00')).toBeNull();
    expect(fromDateTimeLocal('2026-12-08 19:30')).toBeNull();
  });
});

describe('durations and shares as shown', () => {
  it('says durations in minutes and seconds, and reads shares with two decimals at most', () => {
    expect(formatDuration(750)).toBe('12 min 30 s');
    expect(formatDuration(300)).toBe('5 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(parsePercent('12,5')).toBe(12.5);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('0')).toBeNull();
    expect(parsePercent('100.01')).toBeNull();
    expect(parsePercent('1.234')).toBeNull();
  });
});
