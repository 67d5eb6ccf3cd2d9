import { describe, expect, it } from 'vitest';
import { estimateOffset } from '../../../renderer/src/api/clock';

describe('estimateOffset', () => {
  it('assumes the server read its clock halfway through the round trip', () => {
    // Local 1000 → server says 6050 → local 1100: the server is 5000 ms ahead.
    expect(estimateOffset([{ sentAt: 1000, serverTime: 6050, receivedAt: 1100 }])).toBe(5000);
  });

  it('trusts the fastest round trip, which carries the least queueing noise', () => {
    const samples = [
      { sentAt: 0, serverTime: 900, receivedAt: 1000 },
      { sentAt: 2000, serverTime: 1990, receivedAt: 2020 },
      { sentAt: 3000, serverTime: 3500, receivedAt: 3400 },
    ];
    expect(estimateOffset(samples)).toBe(-20);
  });

  it('has no estimate without a usable sample', () => {
    expect(estimateOffset([])).toBeNull();
    expect(estimateOffset([{ sentAt: 10, serverTime: 5, receivedAt: 9 }])).toBeNull();
  });
});
