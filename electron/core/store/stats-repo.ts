import type Database from 'better-sqlite3';
import type { StatsRow } from '../../../shared/stats';

/**
 * The per-minute rollup (`minute_stats`). Clicks and sales add to it inside their own transactions,
 * so reading stats never scans the click history.
 */
export class StatsRepo {
  private readonly addClickStmt;
  private readonly addSaleStmt;
  private readonly rowsStmt;

  constructor(db: Database.Database) {
    this.addClickStmt = db.prepare(`
      INSERT INTO minute_stats (drop_id, minute, touchpoint_id, clicks, unique_clicks)
      VALUES (?, ?, ?, 1, ?)
      ON CONFLICT (drop_id, minute, touchpoint_id) DO UPDATE SET
        clicks = clicks + 1, unique_clicks = unique_clicks + excluded.unique_clicks`);
    this.addSaleStmt = db.prepare(`
      INSERT INTO minute_stats (drop_id, minute, touchpoint_id, sales, units, revenue_cents)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (drop_id, minute, touchpoint_id) DO UPDATE SET
        sales = sales + excluded.sales, units = units + excluded.units,
        revenue_cents = revenue_cents + excluded.revenue_cents`);
    this.rowsStmt = db.prepare<[number, number, number], StatsRow>(`
      SELECT s.minute, t.key AS touchpoint, s.clicks, s.unique_clicks AS uniqueClicks, s.sales, s.units,
             s.revenue_cents AS revenueCents
      FROM minute_stats s JOIN touchpoints t ON t.id = s.touchpoint_id
      WHERE s.drop_id = ? AND s.minute >= ? AND s.minute < ?
      ORDER BY s.minute, t.key`);
  }

  addClick(dropId: number, minute: number, touchpointId: number, unique: boolean): void {
    this.addClickStmt.run(dropId, minute, touchpointId, unique ? 1 : 0);
  }

  /** A purchase adds (1, units, cents); a refund adds (-1?, -units, -cents) as the ledger decides. */
  addSale(dropId: number, minute: number, touchpointId: number, sales: number, units: number, revenueCents: number): void {
    this.addSaleStmt.run(dropId, minute, touchpointId, sales, units, revenueCents);
  }

  rows(dropId: number, from = 0, to = Number.MAX_SAFE_INTEGER): StatsRow[] {
    return this.rowsStmt.all(dropId, from, to);
  }
}
