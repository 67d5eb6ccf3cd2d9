import type Database from 'better-sqlite3';
import { MINUTE_MS } from '../../../shared/stats';

/**
 * Recomputes `minute_stats` rows of one drop from the raw facts, with exactly the live rollup's rules
 * (click-recorder.ts, sale-service.ts): bots only count in bot_clicks; clicks, unique_clicks and
 * qr_scans are human clicks; a sale is credited to the minute of its `at` and its touchpoint, `sales`
 * counts purchases still standing (the refund that empties a purchase takes it back out, as
 * ledger-poster.ts does), `units` and `revenue_cents` are Σ quantity and Σ amount_cents over every
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
    // A refund is credited to its purchase's touchpoint at its own minute; the one that leaves
    // nothing of the purchase also takes the sale back out (`sales` counts sales still standing).
    this.salesStmt = db.prepare(`
      WITH closing AS (
        SELECT r.id,
               p.amount_cents + sum(r.amount_cents) OVER (PARTITION BY r.related_entry_id ORDER BY r.at, r.id)
                 AS left_after,
               r.amount_cents AS amount
        FROM ledger_entries r JOIN ledger_entries p ON p.id = r.related_entry_id
        WHERE r.kind = 'refund' AND r.drop_id = @dropId
      )
      INSERT INTO minute_stats (drop_id, minute, touchpoint_id, sales, units, revenue_cents)
      SELECT e.drop_id, (e.at / ${MINUTE_MS}) * ${MINUTE_MS} AS minute, e.touchpoint_id,
             sum(e.kind = 'purchase') - sum(coalesce(c.left_after <= 0 AND c.left_after - c.amount > 0, 0)),
             sum(e.quantity), sum(e.amount_cents)
      FROM ledger_entries e LEFT JOIN closing c ON c.id = e.id
      WHERE e.drop_id = @dropId GROUP BY minute, e.touchpoint_id
      ON CONFLICT (drop_id, minute, touchpoint_id) DO UPDATE SET
        sales = excluded.sales, units = excluded.units, revenue_cents = excluded.revenue_cents`);
  }

  /** Rows written (click rows + sale rows; a minute with both counts twice). */
  rebuildDrop(dropId: number): number {
    this.clearStmt.run(dropId);
    return this.clicksStmt.run(dropId).changes + this.salesStmt.run({ dropId }).changes;
  }
}
