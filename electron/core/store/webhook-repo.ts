import type Database from 'better-sqlite3';
import type { WebhookSource } from '../../../shared/ledger';

export type WebhookOutcome = 'accepted' | 'duplicate' | 'ignored' | 'rejected';

/** Webhook deliveries seen (for dedup) and the log of every delivery's outcome (for the panel). */
export class WebhookRepo {
  private readonly seenStmt;
  private readonly markStmt;
  private readonly logStmt;
  private readonly countsStmt;
  private readonly lastRejectStmt;

  constructor(db: Database.Database) {
    this.seenStmt = db.prepare<[string, string], { n: number }>(
      'SELECT 1 AS n FROM webhook_deliveries WHERE source = ? AND delivery_id = ?',
    );
    this.markStmt = db.prepare(
      'INSERT OR IGNORE INTO webhook_deliveries (source, delivery_id, received_at) VALUES (?, ?, ?)',
    );
    this.logStmt = db.prepare(
      'INSERT INTO webhook_log (at, source, outcome, event_type, delivery_id, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.countsStmt = db.prepare<[], { source: string; outcome: WebhookOutcome; n: number }>(
      'SELECT source, outcome, COUNT(*) AS n FROM webhook_log GROUP BY source, outcome',
    );
    this.lastRejectStmt = db.prepare<[], { at: number; source: WebhookSource; reason: string | null }>(
      "SELECT at, source, reason FROM webhook_log WHERE outcome = 'rejected' ORDER BY id DESC LIMIT 1",
    );
  }

  seen(source: WebhookSource, deliveryId: string): boolean {
    return this.seenStmt.get(source, deliveryId) !== undefined;
  }

  /** True when this delivery is new (and is now remembered). */
  mark(source: WebhookSource, deliveryId: string, at: number): boolean {
    return this.markStmt.run(source, deliveryId, at).changes === 1;
  }

  log(
    at: number,
    source: WebhookSource,
    outcome: WebhookOutcome,
    eventType: string | null,
    deliveryId: string | null,
    reason: string | null,
  ): void {
    this.logStmt.run(at, source, outcome, eventType, deliveryId, reason);
  }

  counts(): Array<{ source: string; outcome: WebhookOutcome; n: number }> {
    return this.countsStmt.all();
  }

  lastRejection(): { at: number; source: WebhookSource; reason: string | null } | undefined {
    return this.lastRejectStmt.get();
  }
}
