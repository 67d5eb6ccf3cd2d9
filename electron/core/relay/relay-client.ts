import type Database from 'better-sqlite3';
import { RelayInfoSchema, type RelayStatus } from '../../../shared/relay';
import type { ClickRecorder } from '../clicks/click-recorder';
import type { DropStates } from '../clicks/drop-states';
import type { VisitorIds } from '../clicks/visitor-id';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Logger } from '../log';
import type { StatsRepo } from '../store/stats-repo';
import { RelayHttp } from './relay-http';
import { RelayPublisher } from './relay-publisher';
import { RelayPuller } from './relay-puller';

export interface RelayClientDeps {
  url: string;
  secret: string;
  syncMs: number;
  db: Database.Database;
  recorder: ClickRecorder;
  stats: StatsRepo;
  dropStates: DropStates;
  visitors: VisitorIds;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
}

/** Link changes are sent this soon after they happen (a revocation should not wait a whole interval). */
const PUBLISH_SOON_MS = 50;

/**
 * The laptop's side of the edge relay: every `syncMs` it publishes what changed and pulls new scans.
 * Link and drop events trigger an early publish. Failures only change the status (the relay keeps
 * answering and keeping scans; the next run catches up).
 */
export class RelayClient {
  private readonly http: RelayHttp;
  private readonly publisher: RelayPublisher;
  private readonly puller: RelayPuller;
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private shards: number | null = null;
  private st: RelayStatus;
  private readonly unsubscribe: () => void;

  constructor(private readonly d: RelayClientDeps) {
    this.http = new RelayHttp(d.url, d.secret);
    this.publisher = new RelayPublisher(d.db, this.http, d.dropStates, d.visitors, d.clock);
    this.puller = new RelayPuller(d.db, this.http, d.recorder, d.stats, d.clock, (patch) =>
      d.events.emit('stats:backfilled', patch),
    );
    this.st = {
      configured: true,
      url: d.url,
      state: 'connecting',
      shards: null,
      lastSyncAt: null,
      lagMs: null,
      lastError: null,
      publishPending: true,
      ingestedScans: 0,
    };
    const changed = (): void => {
      this.publisher.markDirty();
      this.runSoon();
    };
    d.events.on('link:created', changed);
    d.events.on('link:revoked', changed);
    d.events.on('drop:updated', changed);
    this.unsubscribe = () => {
      d.events.off('link:created', changed);
      d.events.off('link:revoked', changed);
      d.events.off('drop:updated', changed);
    };
  }

  start(): void {
    this.timer = setInterval(() => void this.sync(), this.d.syncMs);
    this.timer.unref();
    void this.sync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.unsubscribe();
    await this.running;
  }

  status(): RelayStatus {
    const lagMs = this.st.lastSyncAt === null ? null : Math.max(0, this.d.clock.now() - this.st.lastSyncAt);
    return { ...this.st, lagMs, publishPending: this.publisher.pending, ingestedScans: this.puller.ingested };
  }

  /** One publish + pull pass; concurrent calls fold into one follow-up pass. */
  sync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.sync();
      }
    });
    return this.running;
  }

  private runSoon(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.sync();
    }, PUBLISH_SOON_MS);
    this.soon.unref();
  }

  private async pass(): Promise<void> {
    try {
      this.shards ??= (await this.http.get('/v1/info', RelayInfoSchema)).shards;
      await this.publisher.run();
      const caughtUp = await this.puller.run(this.shards);
      this.update({
        state: 'ok',
        shards: this.shards,
        lastError: null,
        ...(caughtUp ? { lastSyncAt: this.d.clock.now() } : {}),
      });
    } catch (error) {
      if (this.st.state !== 'offline') this.d.log.warn('relay sync failed', { error: String(error) });
      this.update({ state: 'offline', lastError: String(error) });
    }
  }

  private update(patch: Partial<RelayStatus>): void {
    const before = this.st.state;
    this.st = { ...this.st, ...patch };
    // The panel hears every state change, and the lag while it is fine about every sync.
    if (before !== this.st.state || this.st.state === 'ok') this.d.events.emit('relay:status', this.status());
  }
}
