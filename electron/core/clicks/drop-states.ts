import type { Drop, DropState } from '../../../shared/drops';
import type { CoreEvents } from '../core-events';

export type DropVerdict = 'open' | 'sold_out' | 'ended';

interface Entry {
  title: string;
  state: DropState;
  endsAt: number | null;
  scheduledAt: number | null;
  updatedAt: number;
}

/**
 * What the scan path needs to know about each drop — over or not — without a query per scan: a
 * map fed by `drop:updated`. A live drop whose deadline passed counts as ended even before its timer
 * fired, so no checkout opens for a drop that is over.
 */
export class DropStates {
  private readonly drops = new Map<number, Entry>();
  private nextCache: { at: number; value: { title: string; startsAt: number } | null } | null = null;

  constructor(initial: Drop[], events: CoreEvents) {
    for (const d of initial) this.set(d);
    events.on('drop:updated', (d) => this.set(d));
  }

  verdict(dropId: number, now: number): DropVerdict {
    const d = this.drops.get(dropId);
    if (!d) return 'open';
    if (d.state === 'sold_out') return 'sold_out';
    if (d.state === 'ended') return 'ended';
    if (d.state === 'live' && d.endsAt !== null && d.endsAt <= now) return 'ended';
    return 'open';
  }

  /** The soonest scheduled drop still to start; only asked on sold-out/ended pages, cached briefly. */
  next(now: number): { title: string; startsAt: number } | null {
    if (this.nextCache && now - this.nextCache.at < 1000) return this.nextCache.value;
    let best: { title: string; startsAt: number } | null = null;
    for (const d of this.drops.values()) {
      if (d.state !== 'scheduled' || d.scheduledAt === null || d.scheduledAt <= now) continue;
      if (!best || d.scheduledAt < best.startsAt) best = { title: d.title, startsAt: d.scheduledAt };
    }
    this.nextCache = { at: now, value: best };
    return best;
  }

  /** Every drop's state, for the relay publisher. */
  all(): Array<{ id: number } & Entry> {
    return [...this.drops].map(([id, e]) => ({ id, ...e }));
  }

  private set(d: Drop): void {
    this.drops.set(d.id, {
      title: d.title,
      state: d.state,
      endsAt: d.endsAt,
      scheduledAt: d.scheduledAt,
      updatedAt: d.updatedAt,
    });
    this.nextCache = null;
  }
}
