import type Database from 'better-sqlite3';

export type MovementReason = 'initial' | 'sale' | 'refund' | 'restock' | 'adjustment';

export interface Movement {
  at: number;
  dropId: number;
  tierId: number;
  /** Units added to (positive) or taken from (negative) what is available. */
  delta: number;
  reason: MovementReason;
  ledgerEntryId?: number | null;
  actor: string;
}

/**
 * Tier stock and its movement log. Every change to `drop_tiers` goes with a movement row, written by
 * the caller's transaction, so stock can always be explained line by line.
 */
export class InventoryRepo {
  private readonly takeStmt;
  private readonly addStmt;
  private readonly remainingStmt;
  private readonly movementStmt;

  constructor(db: Database.Database) {
    // The guard in the WHERE clause is what makes overselling impossible: the check and the decrement
    // are one statement, and the table's CHECK (units_sold <= units_total) backs it up.
    this.takeStmt = db.prepare(
      // Units held for a buyer's checkout are not for sale to anyone else.
      'UPDATE drop_tiers SET units_sold = units_sold + @qty WHERE id = @tierId AND units_sold + units_held + @qty <= units_total',
    );
    this.addStmt = db.prepare('UPDATE drop_tiers SET units_total = units_total + ? WHERE id = ?');
    this.remainingStmt = db.prepare<[number], { left: number }>(
      'SELECT units_total - units_sold - units_held AS left FROM drop_tiers WHERE id = ?',
    );
    this.movementStmt = db.prepare(`
      INSERT INTO inventory_movements (at, drop_id, tier_id, delta, reason, ledger_entry_id, actor)
      VALUES (@at, @dropId, @tierId, @delta, @reason, @ledgerEntryId, @actor)`);
  }

  /** Takes `qty` units if that many are left; false (and nothing written) otherwise. */
  take(tierId: number, qty: number): boolean {
    return this.takeStmt.run({ tierId, qty }).changes === 1;
  }

  addUnits(tierId: number, units: number): void {
    this.addStmt.run(units, tierId);
  }

  remaining(tierId: number): number {
    return this.remainingStmt.get(tierId)?.left ?? 0;
  }

  record(m: Movement): void {
    this.movementStmt.run({ ...m, ledgerEntryId: m.ledgerEntryId ?? null });
  }
}
