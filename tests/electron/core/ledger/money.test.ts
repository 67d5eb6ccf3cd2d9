import { describe, expect, it } from 'vitest';
import { toMinor } from '../../../../electron/core/ledger/money';

describe('toMinor', () => {
  it('shifts decimals as text, by the currency’s own minor unit', () => {
    expect(toMinor('25.00', 'EUR')).toBe(2500);
    expect(toMinor('0.1', 'EUR')).toBe(10);
    expect(toMinor(19.99, 'USD')).toBe(1999);
    expect(toMinor('1500', 'JPY')).toBe(1500);
    expect(toMinor('1.250', 'KWD')).toBe(1250);
    expect(toMinor('-3.50', 'EUR')).toBe(-350);
  });

  it('refuses what is not a plain amount, or has more precision than the currency', () => {
    expect(toMinor('12,50', 'EUR')).toBeNull();
    expect(toMinor('1e3', 'EUR')).toBeNull();
    expect(toMinor('10.005', 'EUR')).toBeNull();
    expect(toMinor('10.500', 'EUR')).toBe(1050);
    expect(toMinor('', 'EUR')).toBeNull();
  });
});
