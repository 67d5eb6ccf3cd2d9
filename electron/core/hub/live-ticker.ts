import type { Drop } from '../../../shared/drops';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { LinkRotator } from './link-rotator';
import type { StatsTicker } from './stats-ticker';

const TICK_MS = 1000;

/**
 * The hub's once-a-second work, which only exists while some drop is live: stats patches and QR link
 * rotation. Knows which drops are live from `drop:updated` (seeded from the store at start), so an
 * idle core runs no timer at all.
 */
export class LiveTicker {
  private readonly live = new Map<number, Drop>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    initial: Drop[],
    private readonly deps: { clock: Clock; log: Logger; stats: StatsTicker; rotator: LinkRotator },
  ) {
    for (const d of initial) if (d.state === 'live') this.live.set(d.id, d);
    this.schedule();
  }

  update(drop: Drop): void {
    if (drop.state === 'live') {
      this.live.set(drop.id, drop);
    } else if (this.live.delete(drop.id)) {
      // A last push, so the panel sees the clicks and sales of the drop's final second.
      this.guard(() => this.deps.stats.tick(drop.id, this.deps.clock.now()));
      this.deps.stats.forget(drop.id);
    }
    this.schedule();
  }

  tick(): void {
    const now = this.deps.clock.now();
    for (const id of this.live.keys()) this.guard(() => this.deps.stats.tick(id, now));
    this.guard(() => this.deps.rotator.tick(this.live));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.live.size > 0 && !this.timer) {
      this.timer = setInterval(() => this.tick(), TICK_MS);
      this.timer.unref();
    } else if (this.live.size === 0) {
      this.stop();
    }
  }

  /** One failing drop (say, the database is busy) must not stop the others' ticks. */
  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.deps.log.warn('hub tick failed', { error: String(error) });
    }
  }
}
