import type Database from 'better-sqlite3';
import { minuteOf } from '../../../shared/stats';
import type { ClickCounts, StatsRepo } from '../store/stats-repo';
import type { DedupWindow } from './dedup-window';
import { OrphanCap } from './orphan-cap';
import type { VisitorIds } from './visitor-id';

export type OrphanReason = 'unknown' | 'expired' | 'revoked';

/** Who scanned: the raw details (local scans, hashed here) or ids the edge already computed. */
export type Visitor = { ip: string; userAgent: string } | { current: Buffer; previous: Buffer };

export type Scan =
  | {
      kind: 'click';
      at: number;
      code: string;
      dropId: number;
      touchpointId: number;
      via: 'qr' | 'link';
      bot: boolean;
      visitor: Visitor;
      /** The relay's id for a scan answered at the edge; null for scans answered here. */
      edgeId: string | null;
    }
  | { kind: 'orphan'; at: number; code: string; reason: OrphanReason; bot: boolean; edgeId: string | null };

export interface RollupEntry {
  dropId: number;
  minute: number;
  touchpointId: number;
  n: ClickCounts;
}

export interface WriteResult {
  /** Rows written (duplicates of already stored relay scans are skipped, not counted). */
  stored: number;
  duplicates: number;
  /** The minutes whose rollup changed. */
  minutes: RollupEntry[];
}

/** Rows per INSERT at most; smaller remainders get a statement of their own size (prepared once). */
const ROWS_PER_INSERT = 64;
const CLICK_WIDTH = 8;
const CLICK_COLUMNS = 'at, link_code, drop_id, touchpoint_id, via, visitor_id, is_unique, is_bot';

/**
 * The one write path for scans, local and relayed: one transaction per batch that inserts the rows,
 * decides unique visitors, updates every minute it touches in the rollup and runs `after` (the relay
 * cursor) before committing. Relay scans are skipped when their edge id is already stored, so a batch
 * pulled twice is written once.
 */
export class ScanWriter {
  /**
   * Bursts insert many rows per statement: one call into SQLite per up to ROWS_PER_INSERT scans, the
   * remainder included (a statement per row count, prepared on first use), not one call per scan.
   */
  private readonly insertClicks = new Map<number, Database.Statement>();
  private readonly db: Database.Database;
  private readonly insertRelayClick;
  private readonly relayClickExists;
  private readonly insertOrphan;
  private readonly relayOrphanExists;
  private readonly countOverflow;
  private readonly tx;
  private readonly cap = new OrphanCap();

  constructor(
    db: Database.Database,
    private readonly visitors: VisitorIds,
    private readonly dedup: DedupWindow,
    private readonly stats: StatsRepo,
  ) {
    this.db = db;
    this.insertRelayClick = db.prepare(
      `INSERT INTO clicks (${CLICK_COLUMNS}, source, edge_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'relay', ?)`,
    );
    this.relayClickExists = db
      .prepare<[string]>("SELECT 1 FROM clicks WHERE source = 'relay' AND edge_id = ?")
      .pluck();
    this.insertOrphan = db.prepare(
      'INSERT INTO orphan_visits (at, code, reason, is_bot, source, edge_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.relayOrphanExists = db
      .prepare<[string]>("SELECT 1 FROM orphan_visits WHERE source = 'relay' AND edge_id = ?")
      .pluck();
    this.countOverflow = db.prepare(
      'INSERT INTO orphan_overflow (minute, visits) VALUES (?, 1) ON CONFLICT (minute) DO UPDATE SET visits = visits + 1',
    );
    this.tx = db.transaction((batch: readonly Scan[], after: (() => void) | undefined) =>
      this.writeAll(batch, after),
    );
  }

  /** Writes the batch in one IMMEDIATE transaction; throws (and keeps nothing) when the store fails. */
  write(batch: readonly Scan[], after?: () => void): WriteResult {
    try {
      const result = this.tx.immediate(batch, after);
      this.dedup.commit();
      this.cap.commit();
      return result;
    } catch (error) {
      this.dedup.rollback();
      this.cap.rollback();
      throw error;
    }
  }

  private writeAll(batch: readonly Scan[], after: (() => void) | undefined): WriteResult {
    const rollup = new Map<string, RollupEntry>();
    // Local rows go into one flat parameter list, written ROWS_PER_INSERT rows per statement.
    const flat: unknown[] = [];
    let stored = 0;
    let duplicates = 0;
    for (const p of batch) {
      if (p.kind === 'orphan') {
        if (p.edgeId !== null && this.relayOrphanExists.get(p.edgeId) !== undefined) {
          duplicates++;
          continue;
        }
        if (this.cap.take(minuteOf(p.at))) {
          const source = p.edgeId === null ? 'local' : 'relay';
          this.insertOrphan.run(p.at, p.code, p.reason, p.bot ? 1 : 0, source, p.edgeId);
        } else {
          this.countOverflow.run(minuteOf(p.at));
        }
        stored++;
        continue;
      }
      if (p.edgeId !== null) {
        if (this.relayClickExists.get(p.edgeId) !== undefined) {
          duplicates++;
          continue;
        }
        const row: unknown[] = [];
        this.clickRow(p, rollup, row);
        this.insertRelayClick.run(...row, p.edgeId);
      } else {
        this.clickRow(p, rollup, flat);
      }
      stored++;
    }
    const rows = flat.length / CLICK_WIDTH;
    if (rows <= ROWS_PER_INSERT) {
      if (rows > 0) this.insertStatement(rows).run(flat);
    } else {
      for (let i = 0; i < rows; i += ROWS_PER_INSERT) {
        const n = Math.min(ROWS_PER_INSERT, rows - i);
        this.insertStatement(n).run(flat.slice(i * CLICK_WIDTH, (i + n) * CLICK_WIDTH));
      }
    }
    const minutes = [...rollup.values()];
    for (const r of minutes) this.stats.addClicks(r.dropId, r.minute, r.touchpointId, r.n);
    after?.();
    return { stored, duplicates, minutes };
  }

  private insertStatement(rows: number): Database.Statement {
    let stmt = this.insertClicks.get(rows);
    if (!stmt) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      stmt = this.db.prepare(`INSERT INTO clicks (${CLICK_COLUMNS}) VALUES ${values}`);
      this.insertClicks.set(rows, stmt);
    }
    return stmt;
  }

  /** Decides unique/bot, adds the scan to its minute's totals and appends its `clicks` values to `out`. */
  private clickRow(
    c: Extract<Scan, { kind: 'click' }>,
    rollup: Map<string, RollupEntry>,
    out: unknown[],
  ): void {
    // Local scans: the visitor-id memo's pair, dedup keys included; relay scans bring their ids.
    const ids = 'ip' in c.visitor ? this.visitors.ids(c.visitor.ip, c.visitor.userAgent, c.at) : undefined;
    const { current, previous } = ids ?? (c.visitor as { current: Buffer; previous: Buffer });
    const unique = !c.bot && this.dedup.firstInWindow(c.code, current, previous, c.at, ids);
    const minute = minuteOf(c.at);
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
    out.push(c.at, c.code, c.dropId, c.touchpointId, c.via, current, unique ? 1 : 0, c.bot ? 1 : 0);
  }
}
