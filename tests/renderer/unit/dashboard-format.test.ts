import { describe, expect, it } from 'vitest';
import { formatMinutes, formatRate, gaugeFraction } from '../../../renderer/src/dashboard/kpi-format';

describe('KPI formatting', () => {
  it('shows rates as percents with at most one decimal, and no rate as a dash', () => {
    expect(formatRate(0.3333)).toBe('33.3 %');
    expect(formatRate(0.05)).toBe('5 %');
    expect(formatRate(1)).toBe('100 %');
    expect(formatRate(0)).toBe('0 %');
    expect(formatRate(null)).toBe('—');
  });

  it('shows the lag in the API’s minutes', () => {
    expect(formatMinutes(2.47)).toBe('2.47 min');
    expect(formatMinutes(3)).toBe('3 min');
    expect(formatMinutes(null)).toBe('—');
  });

  it('fills the gauge no further than full, even when oversold', () => {
    expect(gaugeFraction(1.2)).toBe(1);
    expect(gaugeFraction(-0.1)).toBe(0);
    expect(gaugeFraction(0.42)).toBe(0.42);
    expect(gaugeFraction(null)).toBe(0);
  });
});
