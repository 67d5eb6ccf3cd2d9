import type { TimerSource } from '../../electron/core/drops/timer-source';
import { ManualClock } from './manual-clock';

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * Timers that fire only when a test moves the clock with `advance`, in deadline order, each with the
 * clock set to its own deadline — so drop timers are tested without waiting and without flakiness.
 */
export class ManualTimers implements TimerSource {
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(readonly clock: ManualClock = new ManualClock()) {}

  set(callback: () => void, delayMs: number): unknown {
    const timer = { id: this.nextId++, at: this.clock.now() + Math.max(0, delayMs), callback };
    this.pending.push(timer);
    return timer.id;
  }

  clear(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  /** How many timers are waiting. */
  get size(): number {
    return this.pending.length;
  }

  /** Moves the clock forward by `ms`, firing every timer that falls due on the way (also ones they set). */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    for (let fired = 0; ; fired++) {
      if (fired > 10_000) throw new Error('timers keep re-arming without the clock moving');
      const due = this.pending.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.clock.t = Math.max(this.clock.t, due.at);
      due.callback();
    }
    this.clock.t = target;
  }
}
