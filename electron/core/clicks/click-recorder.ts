import type Database from 'better-sqlite3';
import type { StoreHealth } from '../../../shared/hub-events';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Logger } from '../log';
import type { StatsRepo } from '../store/stats-repo';
import type { DedupWindow } from './dedup-window';
import { Retention } from './retention';
import { ScanWriter, type OrphanReason, type Scan, type WriteResult } from './scan-writer';
import { StoreHealthTracker } from './store-health';
import type { VisitorIds } from './visitor-id';

export interface ClickInput {
  code: string;
  /** When it was scanned (the clock by default). */
  at?: number;
  dropId: number;
  touchpointId: number;
  via: 'qr' | 'link';
  ip: string;
  userAgent: string;
  bot: boolean;
}

export interface OrphanInput {
  code: string;
  at?: number;
  reason: OrphanReason;
  bot: boolean;
}

type Pending = Scan & { done: (() => void) | null };

const MAX_BATCH = 1000;
/** Scans kept in memory while the store fails (~300 B each); past it the oldest are dropped, counted. */
const MAX_PENDING = 100_000;
/** Per retry while degraded, so a locked store never holds the event loop for a full busy timeout. */
const RETRY_BUSY_MS = 25;
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5000;

/**
 * Group commit: scans that arrive in the same event-loop turn are written in ONE transaction, and
 * each viewer is answered only after that transaction committed. A SIGKILL can therefore lose a scan
 * only if its viewer never got the redirect. One commit (and one rollup update per minute and
 * touchpoint) per burst instead of per request keeps the redirect close to a bare server's speed.
 *
 * When the store fails, the viewer still gets the checkout (a lost scan costs a number, a blocked
 * buyer costs a sale), but nothing is dropped silently: scans wait in memory (bounded) and are
 * retried with backoff while `/api/health` and the panel say the store is degraded.
 */
export class ClickRecorder {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly writer: ScanWriter;
  private readonly healthState: StoreHealthTracker;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = RETRY_FIRST_MS;
  private dropped = 0;
  private readonly busyMs: number;
  private readonly retention: Retention;

  constructor(
    private readonly db: Database.Database,
    private readonly visitors: VisitorIds,
    private readonly dedup: DedupWindow,
    stats: StatsRepo,
    private readonly clock: Clock,
    private readonly log: Logger,
    events: CoreEvents,
  ) {
    this.writer = new ScanWriter(db, visitors, dedup, stats);
    this.healthState = new StoreHealthTracker(events, clock, log);
    this.busyMs = db.pragma('busy_timeout', { simple: true }) as number;
    this.retention = new Retention(db);
    dedup.warm(clock.now());
  }

  /** `done` runs once the click is committed (or, with the store failing, once it is kept for retry). */
  record(input: ClickInput, done: () => void): void {
    this.enqueue({
      kind: 'click',
      at: input.at ?? this.clock.now(),
      code: input.code,
      dropId: input.dropId,
      touchpointId: input.touchpointId,
      via: input.via,
      bot: input.bot,
      visitor: { ip: input.ip, userAgent: input.userAgent },
      edgeId: null,
      done,
    });
  }

  recordOrphan(input: OrphanInput, done: () => void): void {
    const { code, reason, bot } = input;
    this.enqueue({ kind: 'orphan', at: input.at ?? this.clock.now(), code, reason, bot, edgeId: null, done });
  }

  /**
   * Scans answered elsewhere (the edge relay), through the same write path; `after` runs inside the
   * transaction (the shard cursor). Throws when the store fails: the relay still holds them.
   */
  ingest(scans: readonly Scan[], after?: () => void): WriteResult {
    return this.writer.write(scans, after);
  }

  health(): StoreHealth {
    return this.healthState.current(this.queue.length);
  }

  /**
   * Hourly upkeep: deletes visitor salts older than 48 h, forgets visits outside the dedup window and
   * drops orphan visits and bot clicks past their retention. Returns the number of salts deleted.
   */
  rotateSalts(): number {
    const now = this.clock.now();
    this.dedup.prune(now);
    try {
      this.retention.sweep(now);
    } catch (error) {
      this.log.warn('retention sweep failed; trying again next hour', { error: String(error) });
    }
    return this.visitors.rotate(now);
  }

  /** Writes whatever is queued now (also used on shutdown). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, MAX_BATCH);
      try {
        this.writer.write(batch);
      } catch (error) {
        this.failed(error);
        return;
      }
      this.queue.splice(0, batch.length);
      for (const p of batch) p.done?.();
    }
    if (this.healthState.degraded) {
      this.retryMs = RETRY_FIRST_MS;
      this.healthState.recovered();
    }
  }

  /** Stops retrying (shutdown); returns how many scans could not be stored. */
  stop(): number {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.flush();
    // A failed last attempt schedules a retry that must not outlive the store.
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    return this.queue.length;
  }

  private enqueue(p: Pending): void {
    this.queue.push(p);
    if (this.healthState.degraded) {
      // Answered now, written by the next retry.
      this.answer(p);
      if (this.queue.length > MAX_PENDING) this.dropOldest();
    } else if (this.queue.length >= MAX_BATCH) {
      this.flush();
    } else if (!this.scheduled) {
      this.scheduled = true;
      // setImmediate runs after the current I/O phase, so every request parsed in this turn joins.
      setImmediate(() => this.flush());
    }
  }

  private failed(error: unknown): void {
    // The viewers waiting on this write get their checkout now; their scans stay queued.
    for (const p of this.queue) this.answer(p);
    if (this.queue.length > MAX_PENDING) this.dropOldest();
    this.healthState.failed(error, this.queue.length, this.dropped);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      this.db.pragma(`busy_timeout = ${RETRY_BUSY_MS}`);
      try {
        this.flush();
      } finally {
        this.db.pragma(`busy_timeout = ${this.busyMs}`);
      }
    }, this.retryMs);
    this.retryTimer.unref();
  }

  private dropOldest(): void {
    const excess = this.queue.length - MAX_PENDING;
    this.queue.splice(0, excess);
    this.dropped += excess;
  }

  private answer(p: Pending): void {
    const done = p.done;
    p.done = null;
    done?.();
  }
}
