import type Database from 'better-sqlite3';
import type { HoldsPolicy } from '../../../shared/drops';

/** A drop's hold and refund policies, and which shop keys (SKU, variant, price) are which tier. */
export class LedgerSettingsRepo {
  private readonly policyStmt;
  private readonly mapStmt;
  private readonly mappingsStmt;

  constructor(db: Database.Database) {
    this.policyStmt = db.prepare(`
      UPDATE drops SET holds_mode = @mode, holds_last_units = @lastUnits, holds_ttl_sec = @ttlSec,
        holds_per_visitor = @perVisitor, restock_on_refund = @restockOnRefund, updated_at = @now
      WHERE id = @id`);
    this.mapStmt = db.prepare(`
      INSERT INTO tier_external_ids (kind, value, tier_id) VALUES (?, ?, ?)
      ON CONFLICT (kind, value) DO UPDATE SET tier_id = excluded.tier_id`);
    this.mappingsStmt = db.prepare<[number], { kind: string; value: string; tier_id: number }>(`
      SELECT m.kind, m.value, m.tier_id FROM tier_external_ids m JOIN drop_tiers t ON t.id = m.tier_id
      WHERE t.drop_id = ? ORDER BY m.tier_id, m.kind, m.value`);
  }

  setPolicy(id: number, holds: HoldsPolicy, restockOnRefund: boolean, now: number): void {
    this.policyStmt.run({ id, ...holds, restockOnRefund: restockOnRefund ? 1 : 0, now });
  }

  map(kind: string, value: string, tierId: number): void {
    this.mapStmt.run(kind, value, tierId);
  }

  mappings(dropId: number): Array<{ kind: string; value: string; tier_id: number }> {
    return this.mappingsStmt.all(dropId);
  }
}
