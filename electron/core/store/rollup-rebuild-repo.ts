import type Database from 'better-sqlite3';
import { MINUTE_MS } from '../../../shared/stats';

/**
 * Recomputes `minute_stats` rows of one drop from the raw facts, with exactly the live rollup's rules
 * (click-recorder.ts, sale-service.ts): bots only count in bot_clicks; clicks, unique_clicks and
 * qr_scans are human clicks; a sale is credited to the minute of its `at` and its touchpoint, `sales`
 * counts purchase entries, `units` and `revenue_cents` are Σ quantity and Σ amount_cents over every
 * entry (refunds negative, so the rollup is net). Callers own the transaction.
 */
export class RollupRebuildRepo {
  private readonly clearStmt;
  private readonly clicksStmt;
  private readonly salesStmt;

  constructor(db: Database.Database) {
    this.clearStmt = db.prepare('DELETE FROM minute_stats WHERE drop_id = ?');
    this.clicksStmt = db.prepare(`
      INSERT INTO minute_stats (drop_id, minute, touchpoint_id, clicks, unique_clicks, qr_scans, bot_clicks)
      SELECT drop_id, (at / ${MINUTE_MS}) * ${MINUTE_MS} AS minute, touchpoint_id,
             sum(is_bot = 0), sum(is_bot = 0 AND is_unique = 1), sum(is_bot = 0 AND via = 'qr'), sum(is_bot = 1)
      FROM clicks WHERE drop_id = ? GROUP BY minute, touchpoint_id`);
    this.salesStmt = db.prepare(`
      INSERT INTO minute_stats (drop_id, minute, touchpoint_id, sales, units, revenue_cents)
      SELECT drop_id, (at / ${MINUTE_MS}) * ${MINUTE_MS} AS minute, touchpoint_id,
             sum(kind = 'purchase'), sum(quantity), sum(amount_cents)
      FROM ledger_entries WHERE drop_id = ? GROUP BY minute, touchpoint_id
      ON CONFLICT (drop_id, minute, touchpoint_id) DO UPDATE SET
        sales = excluded.sales, units = excluded.units, revenue_cents = excluded.revenue_cents`);
  }

  /** Rows written (click rows + sale rows; a minute with both counts twice). */
  rebuildDrop(dropId: number): number {
    this.clearStmt.run(dropId);
    return this.clicksStmt.run(dropId).changes + this.salesStmt.run(dropId).changes;
  }
}
