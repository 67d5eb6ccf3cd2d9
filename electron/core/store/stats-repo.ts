import type Database from 'better-sqlite3';
import type { StatsRow } from '../../../shared/stats';

export interface ClickCounts {
  clicks: number;
  unique: number;
  qr: number;
  bot: number;
}

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
      INSERT INTO minute_stats (drop_id, minute, touchpoint_id, clicks, unique_clicks, qr_scans, bot_clicks)
      VALUES (@dropId, @minute, @touchpointId, @clicks, @unique, @qr, @bot)
      ON CONFLICT (drop_id, minute, touchpoint_id) DO UPDATE SET
        clicks = clicks + excluded.clicks, unique_clicks = unique_clicks + excluded.unique_clicks,
        qr_scans = qr_scans + excluded.qr_scans, bot_clicks = bot_clicks + excluded.bot_clicks`);
    this.addSaleStmt = db.prepare(`
      INSERT INTO minute_stats (drop_id, minute, touchpoint_id, sales, units, revenue_cents)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (drop_id, minute, touchpoint_id) DO UPDATE SET
        sales = sales + excluded.sales, units = units + excluded.units,
        revenue_cents = revenue_cents + excluded.revenue_cents`);
    this.rowsStmt = db.prepare<[number, number, number], StatsRow>(`
      SELECT s.minute, t.key AS touchpoint, s.clicks, s.unique_clicks AS uniqueClicks, s.qr_scans AS qrScans,
             s.bot_clicks AS botClicks, s.sales, s.units, s.revenue_cents AS revenueCents
      FROM minute_stats s JOIN touchpoints t ON t.id = s.touchpoint_id
      WHERE s.drop_id = ? AND s.minute >= ? AND s.minute < ?
      ORDER BY s.minute, t.key`);
  }

  /**
   * Adds scans to a minute. Bots only raise `botClicks`: they stay visible to the host but out of
   * every KPI (clicks, unique clicks, QR scans).
   */
  addClicks(dropId: number, minute: number, touchpointId: number, n: ClickCounts): void {
    this.addClickStmt.run({
      dropId,
      minute,
      touchpointId,
      clicks: n.clicks,
      unique: n.unique,
      qr: n.qr,
      bot: n.bot,
    });
  }

  /** A purchase adds (1, units, cents); a refund adds (-1?, -units, -cents) as the ledger decides. */
  addSale(
    dropId: number,
    minute: number,
    touchpointId: number,
    sales: number,
    units: number,
    revenueCents: number,
  ): void {
    this.addSaleStmt.run(dropId, minute, touchpointId, sales, units, revenueCents);
  }

  rows(dropId: number, from = 0, to = Number.MAX_SAFE_INTEGER): StatsRow[] {
    return this.rowsStmt.all(dropId, from, to);
  }
}
