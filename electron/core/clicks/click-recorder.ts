import type Database from 'better-sqlite3';
import { minuteOf } from '../../../shared/stats';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { ClickCounts, StatsRepo } from '../store/stats-repo';
import type { DedupWindow } from './dedup-window';
import type { VisitorIds } from './visitor-id';

export interface ClickInput {
  code: string;
  dropId: number;
  touchpointId: number;
  via: 'qr' | 'link';
  ip: string;
  userAgent: string;
  bot: boolean;
}

export interface OrphanInput {
  code: string;
  reason: 'unknown' | 'expired' | 'revoked';
  bot: boolean;
}

type Pending =
  | { kind: 'click'; input: ClickInput; at: number; done: () => void }
  | { kind: 'orphan'; input: OrphanInput; at: number; done: () => void };

const MAX_BATCH = 1000;
const ROWS_PER_INSERT = 32;

/**
 * Group commit: scans that arrive in the same event-loop turn are written in ONE transaction, and
 * each viewer is answered only after that transaction committed. A SIGKILL can therefore lose a scan
 * only if its viewer never got the redirect. One commit (and one rollup update per minute and
 * touchpoint) per burst instead of per request keeps the redirect close to a bare server's speed.
 */
export class ClickRecorder {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly insertClick;
  /** Bursts insert many rows per statement: one call into SQLite instead of one per scan. */
  private readonly insertClicks;
  private readonly insertOrphan;
  private readonly writeBatch;

  constructor(
    db: Database.Database,
    private readonly visitors: VisitorIds,
    private readonly dedup: DedupWindow,
    private readonly stats: StatsRepo,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    const insertRows = (n: number): string =>
      'INSERT INTO clicks (at, link_code, drop_id, touchpoint_id, via, visitor_id, is_unique, is_bot) VALUES ' +
      Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    this.insertClick = db.prepare(insertRows(1));
    this.insertClicks = db.prepare(insertRows(ROWS_PER_INSERT));
    this.insertOrphan = db.prepare(
      'INSERT INTO orphan_visits (at, code, reason, is_bot) VALUES (?, ?, ?, ?)',
    );
    this.writeBatch = db.transaction((batch: Pending[]) => {
      const rollup = new Map<
        string,
        { dropId: number; minute: number; touchpointId: number; n: ClickCounts }
      >();
      const rows: unknown[][] = [];
      for (const p of batch) {
        if (p.kind === 'orphan')
          this.insertOrphan.run(p.at, p.input.code, p.input.reason, p.input.bot ? 1 : 0);
        else rows.push(this.clickRow(p.input, p.at, rollup));
      }
      let i = 0;
      for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
        this.insertClicks.run(rows.slice(i, i + ROWS_PER_INSERT).flat());
      }
      for (; i < rows.length; i++) this.insertClick.run(rows[i]);
      for (const r of rollup.values()) this.stats.addClicks(r.dropId, r.minute, r.touchpointId, r.n);
    });
    dedup.warm(clock.now());
  }

  /** Resolves once the click is committed. */
  record(input: ClickInput): Promise<void> {
    return new Promise((done) => this.enqueue({ kind: 'click', input, at: this.clock.now(), done }));
  }

  recordOrphan(input: OrphanInput): Promise<void> {
    return new Promise((done) => this.enqueue({ kind: 'orphan', input, at: this.clock.now(), done }));
  }

  /** Hourly upkeep: deletes visitor salts older than 48 h and forgets visits outside the dedup window. */
  rotateSalts(): number {
    const now = this.clock.now();
    this.dedup.prune(now);
    return this.visitors.rotate(now);
  }

  /** Writes whatever is queued now (also used on shutdown). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        this.writeBatch.immediate(batch);
      } catch (error) {
        // The viewer still gets the checkout: a lost scan costs a number, a blocked buyer costs a sale.
        this.log.error('could not store scans', { count: batch.length, error: String(error) });
      }
      for (const p of batch) p.done();
    }
  }

  private enqueue(p: Pending): void {
    this.queue.push(p);
    if (this.queue.length >= MAX_BATCH) {
      this.flush();
    } else if (!this.scheduled) {
      this.scheduled = true;
      // setImmediate runs after the current I/O phase, so every request parsed in this turn joins.
      setImmediate(() => this.flush());
    }
  }

  /** Decides unique/bot, adds the scan to its minute's totals and returns its `clicks` row. */
  private clickRow(
    c: ClickInput,
    at: number,
    rollup: Map<string, { dropId: number; minute: number; touchpointId: number; n: ClickCounts }>,
  ): unknown[] {
    const { current, previous } = this.visitors.ids(c.ip, c.userAgent, at);
    const unique = !c.bot && this.dedup.firstInWindow(c.code, current, previous, at);
    const row = [at, c.code, c.dropId, c.touchpointId, c.via, current, unique ? 1 : 0, c.bot ? 1 : 0];
    const minute = minuteOf(at);
    const key = `${c.dropId}:${minute}:${c.touchpointId}`;
    let entry = rollup.get(key);
    if (!entry) {
      entry = {
        dropId: c.dropId,
        minute,
        touchpointId: c.touchpointId,
        n: { clicks: 0, unique: 0, qr: 0, bot: 0 },
      };
      rollup.set(key, entry);
    }
    if (c.bot) {
      entry.n.bot++;
    } else {
      entry.n.clicks++;
      if (unique) entry.n.unique++;
      if (c.via === 'qr') entry.n.qr++;
    }
    return row;
  }
}
