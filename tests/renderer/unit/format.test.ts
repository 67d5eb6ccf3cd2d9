import { describe, expect, it } from 'vitest';
import { formatCountdown, parsePriceToCents, parseWholeNumber } from '../../../renderer/src/lib/format';

describe('countdown text', () => {
  it('shows minutes and seconds, and hours only when needed', () => {
    expect(formatCountdown(125_000)).toBe('2:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
  });

  it('rounds up so "0:00" only shows once the drop is really over', () => {
    expect(formatCountdown(400)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});

describe('form input parsing', () => {
  it('reads prices with a dot or a comma', () => {
    expect(parsePriceToCents('19.99')).toBe(1999);
    expect(parsePriceToCents('19,9')).toBe(1990);
    expect(parsePriceToCents('20')).toBe(2000);
    expect(parsePriceToCents('abc')).toBeNull();
    expect(parsePriceToCents('1.999')).toBeNull();
  });

  it('reads whole numbers only', () => {
    expect(parseWholeNumber(' 50 ')).toBe(50);
    expect(parseWholeNumber('-3')).toBe(-3);
    expect(parseWholeNumber('2.5')).toBeNull();
    expect(parseWholeNumber('')).toBeNull();
  });
});
