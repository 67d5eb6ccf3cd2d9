import { describe, expect, it } from 'vitest';
import { createRefetchScheduler } from '../../../renderer/src/dashboard/refetch-scheduler';

/** A hand-driven clock and timer queue; `finish()` answers the request in flight. */
function rig() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const starts: number[] = [];
  let answer: (() => void) | null = null;
  const scheduler = createRefetchScheduler({
    run: () => {
      starts.push(now);
      return new Promise<void>((resolve) => (answer = resolve));
    },
    now: () => now,
    setTimer: (fn, ms) => {
      timers.set(nextId, { at: now + ms, fn });
      return nextId++;
    },
    clearTimer: (id) => timers.delete(id),
  });
  const advance = (ms: number): void => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  const finish = async (): Promise<void> => {
    answer?.();
    answer = null;
    // Let the scheduler's `finally` run.
    await Promise.resolve();
    await Promise.resolve();
  };
  return { scheduler, starts, advance, finish };
}

describe('KPI refetch coalescing', () => {
  it('runs the first request at once and folds a burst of stats patches into one per second', async () => {
    const { scheduler, starts, advance, finish } = rig();
    scheduler.request(false);
    advance(0);
    expect(starts).toEqual([0]);
    await finish();
    for (let t = 0; t < 10; t++) {
      advance(100);
      scheduler.request(false);
    }
    advance(2000);
    expect(starts).toEqual([0, 1000]);
  });

  it('lets a sale through within a quarter second of the last request', async () => {
    const { scheduler, starts, advance, finish } = rig();
    scheduler.request(false);
    advance(0);
    await finish();
    advance(100);
    scheduler.request(false); // due at 1000
    scheduler.request(true); // a sale: due at 250
    advance(300);
    expect(starts).toEqual([0, 250]);
  });

  it('asks once more after a request that was in flight when something changed', async () => {
    const { scheduler, starts, advance, finish } = rig();
    scheduler.request(true);
    advance(0);
    scheduler.request(true);
    scheduler.request(false);
    advance(2000);
    expect(starts).toEqual([0]); // never two at once
    await finish();
    advance(0);
    expect(starts).toEqual([0, 2000]);
    await finish();
    advance(5000);
    expect(starts).toHaveLength(2);
  });

  it('does nothing after dispose', () => {
    const { scheduler, starts, advance } = rig();
    scheduler.request(false);
    scheduler.dispose();
    advance(5000);
    scheduler.request(true);
    advance(5000);
    expect(starts).toEqual([]);
  });
});
