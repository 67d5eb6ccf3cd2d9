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
  /**
   * Per link code, per visitor id (as a latin1 string: one character per byte), the time in a
   * mutable box: a repeat scan updates the box it looked up rather than looking the key up again.
   */
  private readonly lastSeen = new Map<string, Map<string, Seen>>();
  /** The code judged last and its visits: a burst is mostly one code. */
  private lastCode: string | null = null;
  private lastVisits: Map<string, Seen> | null = null;
  /** Bumped whenever boxes leave the maps (prune, rollback): a viewer's remembered box is then stale. */
  private generation = 0;
  /**
   * Entries changed by the write in progress and what they held before (undefined: absent), as three
   * parallel lists: nothing allocated per scan.
   */
  private readonly undoMaps: Array<Map<string, Seen>> = [];
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
      this.visits(r.link_code).set(visitorKey(r.visitor_id), { at: r.at });
    }
  }

  /**
   * True when neither id scanned this link within an hour of `at`; then remembers `current`. The
   * keys are the ids as `visitorKey` strings when the caller has them already (the visitor-id memo
   * keeps them), with the viewer's box for the code they scanned last: a repeat scan of that code
   * costs no lookup and no string building, any other at most one lookup per id.
   */
  firstInWindow(code: string, current: Buffer, previous: Buffer, at: number, keys?: DedupKeys): boolean {
    const visits = this.visits(code);
    const k = keys ? keys.currentKey : visitorKey(current);
    // A repeat viewer of the same code reaches their box through the memo's entry: no map lookup,
    // which on a burst of thousands of viewers is a cache miss every time.
    const remembered =
      keys !== undefined && keys.seenCode === code && keys.seenGeneration === this.generation;
    const seen = remembered ? keys.seen : visits.get(k);
    let box = seen;
    const mine = seen?.at;
    const other =
      previous === current ? undefined : visits.get(keys ? keys.previousKey : visitorKey(previous))?.at;
    const last = Math.max(mine ?? -Infinity, other ?? -Infinity);
    if (mine === undefined || at > mine) {
      this.undoMaps.push(visits);
      this.undoKeys.push(k);
      this.undoBefore.push(mine);
      if (seen) seen.at = at;
      else visits.set(k, (box = { at }));
    }
    if (keys && box && !remembered) {
      keys.seenCode = code;
      keys.seen = box;
      keys.seenGeneration = this.generation;
    }
    return Math.abs(at - last) >= UNIQUE_WINDOW_MS;
  }

  /** Keeps what the committed write decided. */
  commit(): void {
    this.clearUndo();
  }

  /** Forgets what a failed write decided, newest first. */
  rollback(): void {
    this.generation++;
    for (let i = this.undoMaps.length - 1; i >= 0; i--) {
      const before = this.undoBefore[i];
      if (before === undefined) this.undoMaps[i].delete(this.undoKeys[i]);
      else this.undoMaps[i].set(this.undoKeys[i], { at: before });
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
      for (const [k, seen] of visits) if (now - seen.at >= UNIQUE_WINDOW_MS) visits.delete(k);
      if (visits.size === 0) this.lastSeen.delete(code);
    }
    this.lastCode = null;
    this.lastVisits = null;
    this.generation++;
  }

  get size(): number {
    let n = 0;
    for (const visits of this.lastSeen.values()) n += visits.size;
    return n;
  }

  private visits(code: string): Map<string, Seen> {
    if (code === this.lastCode && this.lastVisits) return this.lastVisits;
    let visits = this.lastSeen.get(code);
    if (!visits) this.lastSeen.set(code, (visits = new Map<string, Seen>()));
    this.lastCode = code;
    this.lastVisits = visits;
    return visits;
  }
}

interface Seen {
  at: number;
}

/**
 * A viewer's ids as map keys, made once per viewer and day, and the box of the code they scanned
 * last (fields of the memo's entry itself, not an object of their own: one fewer cache miss).
 */
export interface DedupKeys {
  readonly currentKey: string;
  readonly previousKey: string;
  seenCode: string | null;
  seen: Seen | null;
  seenGeneration: number;
}

// latin1 maps each byte to one character: the cheapest way to make a Map key of 16 bytes.
export const visitorKey = (visitor: Buffer): string => visitor.toString('latin1');
