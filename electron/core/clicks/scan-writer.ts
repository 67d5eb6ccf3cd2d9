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
const CLICK_COLUMNS = 'at, link_code, drop_id, touchpoint_id, via, visitor_id, is_unique, is_bot';
const CLICK_WIDTH = 8;
/** Past this many runs in one batch (scans of many links interleaved), rows go in at full width. */
const MAX_RUNS = 4;

/**
 * Consecutive local scans of one link, one way in and one kind: a burst is mostly one long run.
 * What they share is bound once per statement; each row binds only its time, visitor and verdict.
 */
interface Run {
  shared: { code: string; dropId: number; touchpointId: number; via: 'qr' | 'link'; bot: number };
  /** at, visitor id, is_unique — per row. */
  rows: unknown[];
}
const RUN_WIDTH = 3;

type LocalClick = Extract<Scan, { kind: 'click' }>;

const continues = ({ shared }: Run, c: LocalClick): boolean =>
  shared.code === c.code &&
  shared.dropId === c.dropId &&
  shared.touchpointId === c.touchpointId &&
  shared.via === c.via &&
  shared.bot === (c.bot ? 1 : 0);

/** The batch's totals for one drop, minute and touchpoint, made on first use. */
function rollupEntry(
  rollup: Map<string, RollupEntry>,
  dropId: number,
  minute: number,
  touchpointId: number,
): RollupEntry {
  const key = `${dropId}:${minute}:${touchpointId}`;
  let entry = rollup.get(key);
  if (!entry) {
    entry = { dropId, minute, touchpointId, n: { clicks: 0, unique: 0, qr: 0, bot: 0 } };
    rollup.set(key, entry);
  }
  return entry;
}

function startRun(runs: Run[], c: LocalClick): Run {
  const { code, dropId, touchpointId, via } = c;
  const run = { shared: { code, dropId, touchpointId, via, bot: c.bot ? 1 : 0 }, rows: [] };
  runs.push(run);
  return run;
}

/**
 * The one write path for scans, local and relayed: one transaction per batch that inserts the rows,
 * decides unique visitors, updates every minute it touches in the rollup and runs `after` (the relay
 * cursor) before committing. Relay scans are skipped when their edge id is already stored, so a batch
 * pulled twice is written once.
 */
export class ScanWriter {
  /**
   * Bursts insert many rows per statement: one call into SQLite per up to ROWS_PER_INSERT scans, the
   * remainder included (a statement per row count, prepared on first use), not one call per scan. A
   * run's shared columns are bound once: binding is a third of an insert's cost.
   */
  private readonly insertClicks = new Map<number, Database.Statement>();
  private readonly insertRuns = new Map<number, Database.Statement>();
  private readonly db: Database.Database;
  private readonly insertRelayClick;
  private readonly relayClickExists;
  private readonly insertOrphan;
  private readonly relayOrphanExists;
  private readonly countOverflow;
  private readonly tx;
  private readonly cap = new OrphanCap();
  /** The rollup entry the previous scan of this write went to. */
  private lastEntry: RollupEntry | null = null;

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
    this.lastEntry = null;
    // Local rows go into runs, written ROWS_PER_INSERT rows per statement.
    const runs: Run[] = [];
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
        const { visitor, unique } = this.judge(p, rollup);
        const bot = p.bot ? 1 : 0;
        const row = [p.at, p.code, p.dropId, p.touchpointId, p.via, visitor, unique, bot, p.edgeId];
        this.insertRelayClick.run(row);
      } else {
        const { visitor, unique } = this.judge(p, rollup);
        const last = runs.at(-1);
        const run = last && continues(last, p) ? last : startRun(runs, p);
        run.rows.push(p.at, visitor, unique);
      }
      stored++;
    }
    if (runs.length <= MAX_RUNS) {
      for (const run of runs) this.insertRun(run);
    } else {
      this.insertFullWidth(runs);
    }
    const minutes = [...rollup.values()];
    for (const r of minutes) this.stats.addClicks(r.dropId, r.minute, r.touchpointId, r.n);
    after?.();
    return { stored, duplicates, minutes };
  }

  private insertRun(run: Run): void {
    const rows = run.rows.length / RUN_WIDTH;
    for (let i = 0; i < rows; i += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, rows - i);
      const chunk = n === rows ? run.rows : run.rows.slice(i * RUN_WIDTH, (i + n) * RUN_WIDTH);
      this.statement(this.insertRuns, n, '(?, @code, @dropId, @touchpointId, @via, ?, ?, @bot)').run(
        chunk,
        run.shared,
      );
    }
  }

  /** Many short runs (many links scanned at once): every column per row, in arrival order. */
  private insertFullWidth(runs: readonly Run[]): void {
    const flat: unknown[] = [];
    const flush = (): void => {
      const n = flat.length / CLICK_WIDTH;
      if (n > 0) this.statement(this.insertClicks, n, '(?, ?, ?, ?, ?, ?, ?, ?)').run(flat);
      flat.length = 0;
    };
    for (const { shared, rows } of runs) {
      for (let i = 0; i < rows.length; i += RUN_WIDTH) {
        flat.push(rows[i], shared.code, shared.dropId, shared.touchpointId, shared.via);
        flat.push(rows[i + 1], rows[i + 2], shared.bot);
        if (flat.length === ROWS_PER_INSERT * CLICK_WIDTH) flush();
      }
    }
    flush();
  }

  /** An INSERT of `rows` rows shaped like `tuple`, prepared on first use. */
  private statement(cache: Map<number, Database.Statement>, rows: number, tuple: string): Database.Statement {
    let stmt = cache.get(rows);
    if (!stmt) {
      const values = Array.from({ length: rows }, () => tuple).join(', ');
      stmt = this.db.prepare(`INSERT INTO clicks (${CLICK_COLUMNS}) VALUES ${values}`);
      cache.set(rows, stmt);
    }
    return stmt;
  }

  /** Decides unique/bot and adds the scan to its minute's totals; returns the row's visitor and verdict. */
  private judge(
    c: Extract<Scan, { kind: 'click' }>,
    rollup: Map<string, RollupEntry>,
  ): { visitor: Buffer; unique: 0 | 1 } {
    // Local scans: the visitor-id memo's pair, dedup keys included; relay scans bring their ids.
    const ids = 'ip' in c.visitor ? this.visitors.ids(c.visitor.ip, c.visitor.userAgent, c.at) : undefined;
    const { current, previous } = ids ?? (c.visitor as { current: Buffer; previous: Buffer });
    const unique = !c.bot && this.dedup.firstInWindow(c.code, current, previous, c.at, ids);
    const minute = minuteOf(c.at);
    // A burst is mostly one drop, touchpoint and minute: the previous scan's entry, without a key.
    const prev = this.lastEntry;
    const entry =
      prev && prev.dropId === c.dropId && prev.minute === minute && prev.touchpointId === c.touchpointId
        ? prev
        : rollupEntry(rollup, c.dropId, minute, c.touchpointId);
    this.lastEntry = entry;
    if (c.bot) {
      entry.n.bot++;
    } else {
      entry.n.clicks++;
      if (unique) entry.n.unique++;
      if (c.via === 'qr') entry.n.qr++;
    }
    return { visitor: current, unique: unique ? 1 : 0 };
  }
}
