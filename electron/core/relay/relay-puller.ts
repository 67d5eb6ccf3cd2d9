import type Database from 'better-sqlite3';
import { ScanPageSchema, type RelayScan, type ScanPage } from '../../../shared/relay';
import type { StatsPatch } from '../../../shared/hub-events';
import type { ClickRecorder } from '../clicks/click-recorder';
import type { RollupEntry, Scan } from '../clicks/scan-writer';
import type { Clock } from '../clock';
import type { StatsRepo } from '../store/stats-repo';
import type { RelayHttp } from './relay-http';

const PAGE = 1000;
/** Pages per shard per run, so one huge backlog cannot starve the other shards. */
const PAGES_PER_RUN = 20;

/**
 * Pulls each shard's scans after its cursor and writes them through the recorder's write path; the
 * cursor moves in the same transaction, and edge ids make a page pulled twice harmless. Minutes the
 * scans landed in are pushed to the panel (`stats:backfilled`), back-dated ones included.
 */
export class RelayPuller {
  private readonly cursor;
  private readonly saveCursor;
  private readonly linkOf;
  ingested = 0;

  constructor(
    db: Database.Database,
    private readonly http: RelayHttp,
    private readonly recorder: ClickRecorder,
    private readonly stats: StatsRepo,
    private readonly clock: Clock,
    private readonly pushStats: (patch: StatsPatch) => void,
  ) {
    this.cursor = db.prepare<[number], number>('SELECT seq FROM relay_cursors WHERE shard = ?').pluck();
    this.saveCursor = db.prepare(
      `INSERT INTO relay_cursors (shard, seq, synced_at) VALUES (?, ?, ?)
       ON CONFLICT (shard) DO UPDATE SET seq = excluded.seq, synced_at = excluded.synced_at`,
    );
    this.linkOf = db.prepare<[string], { drop_id: number; touchpoint_id: number }>(
      'SELECT drop_id, touchpoint_id FROM links WHERE code = ?',
    );
  }

  /** One pass over every shard; true when every shard's backlog was fully ingested. */
  async run(shards: number): Promise<boolean> {
    const results = await Promise.all(Array.from({ length: shards }, (_, i) => this.drain(i)));
    return results.every(Boolean);
  }

  private async drain(shard: number): Promise<boolean> {
    for (let i = 0; i < PAGES_PER_RUN; i++) {
      const after = this.cursor.get(shard) ?? 0;
      const page = await this.http.get(
        `/v1/scans?shard=${shard}&after=${after}&limit=${PAGE}`,
        ScanPageSchema,
      );
      if (page.shard !== shard) throw new Error(`relay answered shard ${page.shard} for ${shard}`);
      // Another pass may have ingested this page meanwhile; the cursor only ever moves forward.
      if (page.scans.length > 0) this.ingest(page);
      if (!page.more) return true;
    }
    return false;
  }

  private ingest(page: ScanPage): void {
    const scans = page.scans.map((s) => this.toScan(s));
    const result = this.recorder.ingest(scans, () => {
      if ((this.cursor.get(page.shard) ?? 0) < page.cursor) {
        this.saveCursor.run(page.shard, page.cursor, this.clock.now());
      }
    });
    this.ingested += result.stored;
    this.backfill(result.minutes);
  }

  private toScan(s: RelayScan): Scan {
    const link =
      s.outcome === 'ok' || s.outcome === 'sold_out' || s.outcome === 'ended'
        ? this.linkOf.get(s.code)
        : undefined;
    if (!link) {
      const reason = s.outcome === 'expired' || s.outcome === 'revoked' ? s.outcome : 'unknown';
      return { kind: 'orphan', at: s.at, code: s.code, reason, bot: s.bot, edgeId: s.id };
    }
    const current = Buffer.from(s.visitorId, 'base64');
    const previous = s.previousId === s.visitorId ? current : Buffer.from(s.previousId, 'base64');
    return {
      kind: 'click',
      at: s.at,
      code: s.code,
      dropId: link.drop_id,
      touchpointId: link.touchpoint_id,
      via: s.via,
      bot: s.bot,
      visitor: { current, previous },
      edgeId: s.id,
    };
  }

  private backfill(minutes: RollupEntry[]): void {
    const byDrop = new Map<number, Set<number>>();
    for (const m of minutes) {
      let set = byDrop.get(m.dropId);
      if (!set) byDrop.set(m.dropId, (set = new Set()));
      set.add(m.minute);
    }
    for (const [dropId, set] of byDrop) {
      const list = [...set];
      const rows = this.stats
        .rows(dropId, Math.min(...list), Math.max(...list) + 1)
        .filter((r) => set.has(r.minute));
      if (rows.length > 0) this.pushStats({ dropId, rows });
    }
  }
}
