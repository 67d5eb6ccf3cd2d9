import type { PublicDrop, RecentSale } from '../../../../shared/hub-events';
import type { ClockSync } from './clock-sync';
import type { OverlaySocket } from './hub';

const KEEP_SALES = 10;

/**
 * The page's copy of the public drop state: a `state:init` snapshot (again after every reconnect),
 * then `drop:updated` / `sale:recorded` patches. Tells the page when anything changed.
 */
export class DropFeed {
  private readonly drops = new Map<number, PublicDrop>();
  private sales: RecentSale[] = [];
  private initialised = false;

  constructor(
    socket: OverlaySocket,
    private readonly pinned: number | undefined,
    clock: ClockSync,
    private readonly changed: () => void,
  ) {
    socket.on('state:init', (snap) => {
      clock.seed(snap.serverTime);
      clock.resync();
      this.drops.clear();
      for (const d of snap.drops) this.drops.set(d.id, d);
      this.sales = snap.recentSales.slice(0, KEEP_SALES);
      this.initialised = true;
      this.changed();
    });
    socket.on('drop:updated', (d) => {
      const known = this.drops.get(d.id);
      // A patch older than what we hold (it crossed a fresher snapshot) is dropped.
      if (known && known.updatedAt > d.updatedAt) return;
      this.drops.set(d.id, d);
      this.changed();
    });
    socket.on('sale:recorded', (sale) => {
      this.sales = [sale, ...this.sales].slice(0, KEEP_SALES);
      this.changed();
    });
  }

  get ready(): boolean {
    return this.initialised;
  }

  /**
   * The drop this page shows: the pinned one, else the live one (latest start), else a sold-out one,
   * else the next scheduled, else the one that ended last.
   */
  focus(): PublicDrop | null {
    if (this.pinned !== undefined) return this.drops.get(this.pinned) ?? null;
    const all = [...this.drops.values()];
    const pick = (state: PublicDrop['state'], key: (d: PublicDrop) => number): PublicDrop | undefined =>
      all.filter((d) => d.state === state).sort((a, b) => key(b) - key(a))[0];
    return (
      pick('live', (d) => d.startedAt ?? 0) ??
      pick('sold_out', (d) => d.updatedAt) ??
      pick('scheduled', (d) => -(d.scheduledAt ?? Number.MAX_SAFE_INTEGER)) ??
      pick('ended', (d) => d.endedAt ?? 0) ??
      null
    );
  }

  /** Newest first, for one drop. */
  salesOf(dropId: number): RecentSale[] {
    return this.sales.filter((s) => s.dropId === dropId);
  }
}
