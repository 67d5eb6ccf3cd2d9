import type Database from 'better-sqlite3';
import { minuteOf } from '../../../shared/stats';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Logger } from '../log';
import type { StatsRepo } from '../store/stats-repo';
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

/** A repeat scan of the same link by the same visitor within this window is not a new unique click. */
export const UNIQUE_WINDOW_MS = 3600_000;
const MAX_BATCH = 1000;

/**
 * Group commit: scans that arrive in the same event-loop turn are written in ONE transaction, and
 * each viewer is answered only after that transaction committed. A SIGKILL can therefore lose a scan
 * only if its viewer never got the redirect. One commit per burst instead of per request keeps the
 * redirect close to a bare server's throughput.
 */
export class ClickRecorder {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly insertClick;
  private readonly insertOrphan;
  private readonly seenRecently;
  private readonly writeBatch;

  constructor(
    db: Database.Database,
    private readonly visitors: VisitorIds,
    private readonly stats: StatsRepo,
    private readonly clock: Clock,
    private readonly events: CoreEvents,
    private readonly log: Logger,
  ) {
    this.insertClick = db.prepare(
      'INSERT INTO clicks (at, link_code, drop_id, touchpoint_id, via, visitor_id, is_unique, is_bot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertOrphan = db.prepare('INSERT INTO orphan_visits (at, code, reason, is_bot) VALUES (?, ?, ?, ?)');
    this.seenRecently = db.prepare<[string, Buffer, Buffer, number], { one: number }>(
      'SELECT 1 AS one FROM clicks WHERE link_code = ? AND visitor_id IN (?, ?) AND at > ? AND is_bot = 0 LIMIT 1',
    );
    this.writeBatch = db.transaction((batch: Pending[]) => {
      const drops = new Set<number>();
      for (const p of batch) {
        if (p.kind === 'orphan') {
          this.insertOrphan.run(p.at, p.input.code, p.input.reason, p.input.bot ? 1 : 0);
          continue;
        }
        this.writeClick(p.input, p.at);
        drops.add(p.input.dropId);
      }
      return drops;
    });
  }

  /** Resolves once the click is committed. */
  record(input: ClickInput): Promise<void> {
    return new Promise((done) => this.enqueue({ kind: 'click', input, at: this.clock.now(), done }));
  }

  recordOrphan(input: OrphanInput): Promise<void> {
    return new Promise((done) => this.enqueue({ kind: 'orphan', input, at: this.clock.now(), done }));
  }

  /** Deletes visitor salts older than 48 h; run hourly. Returns how many were deleted. */
  rotateSalts(): number {
    return this.visitors.rotate(this.clock.now());
  }

  /** Writes whatever is queued now (used on shutdown). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      let drops = new Set<number>();
      try {
        drops = this.writeBatch.immediate(batch);
      } catch (error) {
        // The viewer still gets the checkout: a lost scan costs a number, a blocked buyer costs a sale.
        this.log.error('could not store scans', { count: batch.length, error: String(error) });
      }
      for (const p of batch) p.done();
      if (drops.size > 0) this.events.emit('clicks:recorded', [...drops]);
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

  private writeClick(c: ClickInput, at: number): void {
    const { current, previous } = this.visitors.ids(c.ip, c.userAgent, at);
    const unique = !c.bot && !this.seenRecently.get(c.code, current, previous, at - UNIQUE_WINDOW_MS);
    this.insertClick.run(at, c.code, c.dropId, c.touchpointId, c.via, current, unique ? 1 : 0, c.bot ? 1 : 0);
    this.stats.addClick(c.dropId, minuteOf(at), c.touchpointId, { unique, qr: c.via === 'qr', bot: c.bot });
  }
}
