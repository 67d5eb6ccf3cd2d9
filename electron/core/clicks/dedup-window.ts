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
  /** Per link code, per visitor id (as a latin1 string: one character per byte). */
  private readonly lastSeen = new Map<string, Map<string, number>>();
  /**
   * Entries changed by the write in progress and what they held before (undefined: absent), as three
   * parallel lists: nothing allocated per scan.
   */
  private readonly undoMaps: Array<Map<string, number>> = [];
  private readonly undoKeys: string[] = [];
  private readonly undoBefore: Array<number | undefined> = [];
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
      this.visits(r.link_code).set(visitorKey(r.visitor_id), r.at);
    }
  }

  /**
   * True when neither id scanned this link within an hour of `at`; then remembers `current`. The
   * keys are the ids as `visitorKey` strings when the caller has them already (the visitor-id memo
   * keeps them), so a repeat viewer costs two map lookups and no string building.
   */
  firstInWindow(
    code: string,
    current: Buffer,
    previous: Buffer,
    at: number,
    keys?: { readonly currentKey: string; readonly previousKey: string },
  ): boolean {
    const visits = this.visits(code);
    const k = keys ? keys.currentKey : visitorKey(current);
    const mine = visits.get(k);
    const other =
      previous === current ? undefined : visits.get(keys ? keys.previousKey : visitorKey(previous));
    const last = Math.max(mine ?? -Infinity, other ?? -Infinity);
    if (mine === undefined || at > mine) {
      this.undoMaps.push(visits);
      this.undoKeys.push(k);
      this.undoBefore.push(mine);
      visits.set(k, at);
    }
    return Math.abs(at - last) >= UNIQUE_WINDOW_MS;
  }

  /** Keeps what the committed write decided. */
  commit(): void {
    this.clearUndo();
  }

  /** Forgets what a failed write decided, newest first. */
  rollback(): void {
    for (let i = this.undoMaps.length - 1; i >= 0; i--) {
      const before = this.undoBefore[i];
      if (before === undefined) this.undoMaps[i].delete(this.undoKeys[i]);
      else this.undoMaps[i].set(this.undoKeys[i], before);
    }
    this.clearUndo();
  }

  private clearUndo(): void {
    this.undoMaps.length = 0;
    this.undoKeys.length = 0;
    this.undoBefore.length = 0;
  }

  /** Forgets visits older than the window; run every few minutes. */
  prune(now: number): void {
    for (const [code, visits] of this.lastSeen) {
      for (const [k, at] of visits) if (now - at >= UNIQUE_WINDOW_MS) visits.delete(k);
      if (visits.size === 0) this.lastSeen.delete(code);
    }
  }

  get size(): number {
    let n = 0;
    for (const visits of this.lastSeen.values()) n += visits.size;
    return n;
  }

  private visits(code: string): Map<string, number> {
    let visits = this.lastSeen.get(code);
    if (!visits) this.lastSeen.set(code, (visits = new Map<string, number>()));
    return visits;
  }
}

// latin1 maps each byte to one character: the cheapest way to make a Map key of 16 bytes.
export const visitorKey = (visitor: Buffer): string => visitor.toString('latin1');
