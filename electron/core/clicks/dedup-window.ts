import type Database from 'better-sqlite3';

/** A repeat scan of the same link by the same visitor within this window is not a new unique click. */
export const UNIQUE_WINDOW_MS = 3600_000;

/**
 * The latest human scan per (link, visitor) over the past hour, in memory, so deciding "unique" costs
 * a map lookup instead of a query on the scan path. Warmed from the clicks table at start, so a
 * restart mid-drop does not count returning viewers twice.
 *
 * Relay scans arrive late and out of order, so a scan is judged against the visitor's LATEST known
 * time, in either direction, never against whatever arrived last. Decisions are staged per write and
 * only kept once that write committed: a batch that failed and is retried is judged the same way.
 */
export class DedupWindow {
  private readonly lastSeen = new Map<string, number>();
  private readonly staged = new Map<string, number>();
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

  /** True when neither id scanned this link within an hour of `at`; then stages `current`. */
  firstInWindow(code: string, current: Buffer, previous: Buffer, at: number): boolean {
    const k = key(code, current);
    const mine = this.get(k);
    const other = previous === current ? undefined : this.get(key(code, previous));
    const last = Math.max(mine ?? -Infinity, other ?? -Infinity);
    if (mine === undefined || at > mine) this.staged.set(k, at);
    return Math.abs(at - last) >= UNIQUE_WINDOW_MS;
  }

  /** Keeps what the committed write decided. */
  commit(): void {
    for (const [k, at] of this.staged) this.lastSeen.set(k, at);
    this.staged.clear();
  }

  /** Forgets what a failed write decided. */
  rollback(): void {
    this.staged.clear();
  }

  /** Forgets visits older than the window; run every few minutes. */
  prune(now: number): void {
    for (const [k, at] of this.lastSeen) if (now - at >= UNIQUE_WINDOW_MS) this.lastSeen.delete(k);
  }

  get size(): number {
    return this.lastSeen.size;
  }

  private get(k: string): number | undefined {
    return this.staged.get(k) ?? this.lastSeen.get(k);
  }
}

// latin1 maps each byte to one character: the cheapest way to make a Map key of 16 bytes.
const key = (code: string, visitor: Buffer): string => code + visitor.toString('latin1');
