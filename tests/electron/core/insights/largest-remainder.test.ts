import { describe, expect, it } from 'vitest';
import { splitByBasisPoints, splitByWeights } from '../../../../electron/core/insights/largest-remainder';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('largest-remainder splits never lose or invent a cent', () => {
  it('splits €100.01 three ways (33.34 / 33.33 / 33.33 %): 3334.3334, 3333.3333, 3333.3333 → 3335, 3333, 3333', () => {
    // Floors 3334 + 3333 + 3333 = 10000; the odd cent goes to the largest remainder (.3334).
    expect(splitByBasisPoints(10_001, [3334, 3333, 3333])).toEqual([3335, 3333, 3333]);
  });

  it('breaks a tie of remainders by listed order: €100.01 as 50/50 → 5001, 5000', () => {
    expect(splitByBasisPoints(10_001, [5000, 5000])).toEqual([5001, 5000]);
    expect(splitByBasisPoints(2, [3333, 3333, 3334])).toEqual([1, 0, 1]); // .6666, .6666, .6668 → rank 3, then 1
  });

  it('splits a negative net (refunds larger than sales) by its absolute value, same party takes the odd cent', () => {
    expect(splitByBasisPoints(-10_001, [3334, 3333, 3333])).toEqual([-3335, -3333, -3333]);
    expect(splitByBasisPoints(-1, [5000, 5000])).toEqual([-1, 0]);
  });

  it('adds up for awkward totals and shares', () => {
    const shares = [
      [1, 9999],
      [1250, 1250, 7500],
      [1550, 1000, 7450],
      [3333, 3333, 3334],
      [1, 1, 1, 9997],
    ];
    for (const bp of shares) {
      for (const total of [0, 1, 7, 99, 10_001, 123_457, -3, -10_001, 999_999_999]) {
        const parts = splitByBasisPoints(total, bp);
        expect(sum(parts), `${total} by ${bp.join('/')}`).toBe(total);
        // No party is more than one cent away from its exact share.
        parts.forEach((p, i) => expect(Math.abs(p - (total * bp[i]) / 10_000)).toBeLessThan(1));
      }
    }
    expect(splitByBasisPoints(0, [5000, 5000])).toEqual([0, 0]);
    expect(() => splitByBasisPoints(100, [5000, 4000])).toThrow(/10000/);
  });

  it('splits by real weights too (attribution credits): thirds of €1.00 → 34, 33, 33', () => {
    expect(splitByWeights(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(splitByWeights(-100, [1 / 3, 1 / 3, 1 / 3])).toEqual([-34, -33, -33]);
    expect(splitByWeights(3000, [0.5, 0.5])).toEqual([1500, 1500]);
    expect(sum(splitByWeights(10_001, [0.1, 0.2, 0.7]))).toBe(10_001);
  });
});
