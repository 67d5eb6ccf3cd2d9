import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatAway, watchForWake } from '../../../renderer/src/api/wake-detector';
import { viewFromHash, viewsFor } from '../../../renderer/src/shell/views';

describe('panel screens', () => {
  it('opens the screen in the hash when this role has it, else the live screen', () => {
    expect(viewFromHash('#/links', 'cohost')).toBe('links');
    expect(viewFromHash('#/devices', 'host')).toBe('devices');
    // A co-host following a host's link lands on Live, not on a screen it may not use.
    expect(viewFromHash('#/devices', 'cohost')).toBe('live');
    expect(viewFromHash('#pair=ABCDEFGHJK', 'host')).toBe('live');
    expect(viewFromHash('', 'host')).toBe('live');
    expect(viewsFor('cohost').map((v) => v.id)).toEqual(['live', 'calendar', 'links', 'report', 'chat']);
  });
});

describe('wake detector', () => {
  afterEach(() => vi.useRealTimers());

  it('reports a sleep when the timer comes back late, not on normal ticks', () => {
    vi.useFakeTimers();
    let clock = 0;
    const wakes: number[] = [];
    const stop = watchForWake((ms) => wakes.push(ms), { now: () => clock });
    for (let i = 0; i < 5; i++) {
      clock += 2_000;
      vi.advanceTimersByTime(2_000);
    }
    expect(wakes).toEqual([]);
    // The lid was closed for three minutes: the next tick arrives 180 s late.
    clock += 182_000;
    vi.advanceTimersByTime(2_000);
    expect(wakes).toEqual([180_000]);
    stop();
  });

  it('says how long in words', () => {
    expect(formatAway(45_000)).toBe('45 s');
    expect(formatAway(180_000)).toBe('3 min');
    expect(formatAway(125 * 60_000)).toBe('2 h 5 min');
  });
});
