import type Database from 'better-sqlite3';
import type { Sale } from '../../../shared/sales';

interface LedgerRow {
  id: number;
  kind: 'purchase' | 'refund' | 'adjustment';
  at: number;
  drop_id: number;
  tier_id: number;
  quantity: number;
  amount_cents: number;
  currency: string;
  source: Sale['source'];
  external_id: string;
  touchpoint_key: string;
}

/** Reads of the sales ledger for admission (idempotency, per-buyer caps); writes go through ledger/ledger-poster.ts. */
export class LedgerRepo {
  private readonly byExternalStmt;
  private readonly buyerUnitsStmt;

  constructor(db: Database.Database) {
    this.byExternalStmt = db.prepare<[string, string], LedgerRow>(`
      SELECT l.*, t.key AS touchpoint_key FROM ledger_entries l JOIN touchpoints t ON t.id = l.touchpoint_id
      WHERE l.source = ? AND l.external_id = ?`);
    // Refunds give units back to the buyer's allowance whichever sign the ledger stores them with.
    this.buyerUnitsStmt = db.prepare<[number, string], { units: number }>(`
      SELECT COALESCE(SUM(CASE kind WHEN 'purchase' THEN quantity WHEN 'refund' THEN -ABS(quantity) ELSE 0 END), 0) AS units
      FROM ledger_entries WHERE drop_id = ? AND buyer_ref = ?`);
  }

  /** The entry already recorded under this (source, externalId), as a sale marked duplicate. */
  findByExternalId(source: string, externalId: string): { kind: LedgerRow['kind']; sale: Sale } | null {
    const r = this.byExternalStmt.get(source, externalId);
    return r ? { kind: r.kind, sale: toSale(r, true) } : null;
  }

  /** Units this buyer holds in this drop (purchases less refunds). */
  buyerUnits(dropId: number, buyerRef: string): number {
    return this.buyerUnitsStmt.get(dropId, buyerRef)?.units ?? 0;
  }
}

function toSale(r: LedgerRow, duplicate: boolean): Sale {
  return {
    id: r.id,
    dropId: r.drop_id,
    tierId: r.tier_id,
    quantity: r.quantity,
    amountCents: r.amount_cents,
    currency: r.currency,
    source: r.source,
    externalId: r.external_id,
    touchpoint: r.touchpoint_key,
    at: r.at,
    duplicate,
  };
}
