import { describe, expect, it } from 'vitest';
import { leftLine } from '../../../renderer/overlay/src/lib/left-line';

describe("the ticker's stock line", () => {
  it('counts held units apart, and only when there are some', () => {
    expect(leftLine(false, 3, 2)).toBe('3 left · 2 in checkout');
    expect(leftLine(false, 0, 2)).toBe('0 left · 2 in checkout');
    expect(leftLine(false, 5, 0)).toBe('5 left');
    expect(leftLine(true, 0, 0)).toBe('SOLD OUT');
  });
});
