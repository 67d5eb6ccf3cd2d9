import type { Clock } from '../../electron/core/clock';

/** A clock tests move by hand (expiry, dedup windows, minute buckets). */
export class ManualClock implements Clock {
  constructor(public t = Date.UTC(2026, 10, 21, 18, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
