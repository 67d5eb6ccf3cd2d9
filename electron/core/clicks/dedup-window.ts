import type Database from 'better-sqlite3';

/** A repeat scan of the same link by the same visitor within this window is not a new unique click. */
export const UNIQUE_WINDOW_MS = 3600_000;

/**
 * The latest human scan per (link, visitor) over the past hour, in memory, so deciding "unique" costs
 * a map lookup instead of a query on the scan path. Warmed from the clicks table at start, so a
 * restart mid-drop does not count returning viewers twice.
 *
 * Relay scans arrive late and out of order, so a scan is judged against the visitor's LATEST known
 * time, in either direction, never against whatever arrived last. A write's decisions are undone
 * when it fails (an undo log: cheaper on the scan path than staging every visit in a second map), so a
 * batch that failed and is retried is judged the same way.
 */
export class DedupWindow {
  private readonly lastSeen = new Map<string, number>();
  /** Keys changed by the write in progress and what they held before (undefined: absent). */
  private readonly undo: Array<[string, number | undefined]> = [];
  private readonly recent;

  constructor(db: Database.Database) {
    // Drops scanned in the last hour come from the rollup; their clicks from the per-drop index.
    this.recent = db.prepare<[number, number], { link_code: string; visitor_id: Buffer; at: number }>(`
      SELECT link_code, visitor_id, max(at) AS at FROM clicks
      WHERE drop_id IN (SELECT DISTINCT drop_id FROM minute_stats WHERE minute >= ?) AND at > ? AND is_bot = 0
      GROUP BY link_code, visitor_id`);
  }

  warm(now: number): void {
    const since = now - UNIQUE_WINDOW_MS;
    for (const r of this.recent.iterate(since - 60_000, since)) {
      this.lastSeen.set(key(r.link_code, r.visitor_id), r.at);
    }
  }

  /** True when neither id scanned this link within an hour of `at`; then remembers `current`. */
  firstInWindow(code: string, current: Buffer, previous: Buffer, at: number): boolean {
    const k = key(code, current);
    const mine = this.lastSeen.get(k);
    const other = previous === current ? undefined : this.lastSeen.get(key(code, previous));
    const last = Math.max(mine ?? -Infinity, other ?? -Infinity);
    if (mine === undefined || at > mine) {
      this.undo.push([k, mine]);
      this.lastSeen.set(k, at);
    }
    return Math.abs(at - last) >= UNIQUE_WINDOW_MS;
  }

  /** Keeps what the committed write decided. */
  commit(): void {
    this.undo.length = 0;
  }

  /** Forgets what a failed write decided, newest first. */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) {
      const [k, before] = this.undo[i];
      if (before === undefined) this.lastSeen.delete(k);
      else this.lastSeen.set(k, before);
    }
    this.undo.length = 0;
  }

  /** Forgets visits older than the window; run every few minutes. */
  prune(now: number): void {
    for (const [k, at] of this.lastSeen) if (now - at >= UNIQUE_WINDOW_MS) this.lastSeen.delete(k);
  }

  get size(): number {
    return this.lastSeen.size;
  }
}

// latin1 maps each byte to one character: the cheapest way to make a Map key of 16 bytes.
const key = (code: string, visitor: Buffer): string => code + visitor.toString('latin1');
