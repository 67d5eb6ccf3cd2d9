import type Database from 'better-sqlite3';
import type { Drop } from '../../../shared/drops';
import {
  toPublicDrop,
  type OverlaySnapshot,
  type RecentSale,
  type StateSnapshot,
} from '../../../shared/hub-events';
import type { CoreServices } from '../services';

/** How many sales a snapshot carries: enough for a ticker's recognition line and the panel's feed. */
export const RECENT_SALES = 10;
/** Ended drops a "follow whatever is live" page still hears about, so it can show "ended". */
const RECENT_ENDED = 3;

/**
 * Latest purchases straight from the ledger, so a page loaded (or a core restarted) mid-drop shows the
 * same buyers as one that was connected all along.
 */
export class RecentSales {
  private readonly all;
  private readonly byDrop;

  constructor(db: Database.Database) {
    const select = `SELECT drop_id AS dropId, quantity, buyer_display AS buyerDisplay, at FROM ledger_entries
      WHERE kind = 'purchase'`;
    this.all = db.prepare<[number], RecentSale>(`${select} ORDER BY id DESC LIMIT ?`);
    this.byDrop = db.prepare<[number, number], RecentSale>(
      `${select} AND drop_id = ? ORDER BY id DESC LIMIT ?`,
    );
  }

  /** Newest first. */
  list(dropId?: number, limit = RECENT_SALES): RecentSale[] {
    return dropId === undefined ? this.all.all(limit) : this.byDrop.all(dropId, limit);
  }
}

/** Drops come through the engine, which settles overdue deadlines first, as the HTTP API does. */
type SnapshotDeps = Pick<CoreServices, 'engine' | 'clock' | 'obs'> &
  Partial<Pick<CoreServices, 'clicks' | 'relay'>>;

/** Everything, for the control panel. */
export function controlSnapshot(s: SnapshotDeps, sales: RecentSales): StateSnapshot {
  return {
    serverTime: s.clock.now(),
    drops: s.engine.list(),
    recentSales: sales.list(),
    obs: s.obs.status(),
    store: s.clicks?.health(),
    relay: s.relay?.status(),
  };
}

/** Public state only: one announced drop (a draft stays invisible) or every announced drop. */
export function overlaySnapshot(
  s: SnapshotDeps,
  sales: RecentSales,
  dropId: number | undefined,
): OverlaySnapshot {
  const drops =
    dropId === undefined
      ? announcedDrops(s.engine.list())
      : [s.engine.get(dropId)].filter((d): d is Drop => d !== null && d.state !== 'draft');
  return {
    serverTime: s.clock.now(),
    drops: drops.map(toPublicDrop),
    recentSales: dropId === undefined ? sales.list() : sales.list(dropId),
  };
}

/** Scheduled, live and sold-out drops plus the few that ended last; never drafts (not announced yet). */
export function announcedDrops(all: Drop[]): Drop[] {
  const open = all.filter((d) => d.state === 'scheduled' || d.state === 'live' || d.state === 'sold_out');
  const ended = all
    .filter((d) => d.state === 'ended')
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
    .slice(0, RECENT_ENDED);
  return [...open, ...ended];
}
