import type Database from 'better-sqlite3';
import type { LedgerEntry } from '../../../shared/ledger';

export interface EntryRow {
  id: number;
  at: number;
  kind: LedgerEntry['kind'];
  drop_id: number | null;
  tier_id: number | null;
  touchpoint_id: number;
  touchpoint_key: string;
  link_code: string | null;
  quantity: number;
  amount_cents: number;
  currency: string;
  source: LedgerEntry['source'];
  external_id: string;
  related_entry_id: number | null;
  oversold: number;
  late: number;
  payment_ref: string | null;
}

export interface NewEntry {
  at: number;
  kind: LedgerEntry['kind'];
  dropId: number | null;
  tierId: number | null;
  touchpointId: number;
  linkCode: string | null;
  visitorId: Buffer | null;
  emailHash: Buffer | null;
  quantity: number;
  amountCents: number;
  currency: string;
  source: LedgerEntry['source'];
  externalId: string;
  buyerRef: string | null;
  buyerDisplay: string | null;
  relatedEntryId: number | null;
  oversold: boolean;
  late: boolean;
  paymentRef: string | null;
  createdAt: number;
}

export interface TierStockRow {
  id: number;
  drop_id: number;
  price_cents: number;
  units_total: number;
  units_sold: number;
  units_held: number;
  units_oversold: number;
}

/**
 * What posting writes and reads: ledger entries of every kind and the tier counters a posting moves.
 * Callers own transactions (`LedgerPoster` opens them).
 */
export class PostingsRepo {
  private readonly insertStmt;
  private readonly byExternalStmt;
  private readonly byIdStmt;
  private readonly byPaymentRefStmt;
  private readonly refundedStmt;
  private readonly tierStmt;
  private readonly tierByKeyStmt;
  private readonly sellStmt;
  private readonly oversellStmt;
  private readonly convertHoldStmt;
  private readonly unsellStmt;
  private readonly unoversellStmt;
  private readonly lastVisitorStmt;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO ledger_entries (at, kind, drop_id, tier_id, touchpoint_id, link_code, visitor_id, email_hash,
        quantity, amount_cents, currency, source, external_id, buyer_ref, buyer_display, related_entry_id,
        oversold, late, payment_ref, created_at)
      VALUES (@at, @kind, @dropId, @tierId, @touchpointId, @linkCode, @visitorId, @emailHash, @quantity,
        @amountCents, @currency, @source, @externalId, @buyerRef, @buyerDisplay, @relatedEntryId,
        @oversold, @late, @paymentRef, @createdAt)`);
    const select = `SELECT l.*, t.key AS touchpoint_key FROM ledger_entries l
      JOIN touchpoints t ON t.id = l.touchpoint_id`;
    this.byExternalStmt = db.prepare<[string, string], EntryRow>(
      `${select} WHERE l.source = ? AND l.external_id = ?`,
    );
    this.byIdStmt = db.prepare<[number], EntryRow>(`${select} WHERE l.id = ?`);
    this.byPaymentRefStmt = db.prepare<[string, string], EntryRow>(
      `${select} WHERE l.source = ? AND l.payment_ref = ? AND l.kind = 'purchase' ORDER BY l.id`,
    );
    this.refundedStmt = db.prepare<[number], { amount: number; units: number; n: number }>(`
      SELECT COALESCE(-SUM(amount_cents), 0) AS amount, COALESCE(-SUM(quantity), 0) AS units, COUNT(*) AS n
      FROM ledger_entries WHERE related_entry_id = ? AND kind = 'refund'`);
    this.tierStmt = db.prepare<[number], TierStockRow>(
      'SELECT id, drop_id, price_cents, units_total, units_sold, units_held, units_oversold FROM drop_tiers WHERE id = ?',
    );
    this.tierByKeyStmt = db.prepare<[string, string], { tier_id: number }>(
      'SELECT tier_id FROM tier_external_ids WHERE kind = ? AND value = ?',
    );
    this.sellStmt = db.prepare('UPDATE drop_tiers SET units_sold = units_sold + ? WHERE id = ?');
    this.oversellStmt = db.prepare('UPDATE drop_tiers SET units_oversold = units_oversold + ? WHERE id = ?');
    this.convertHoldStmt = db.prepare(
      'UPDATE drop_tiers SET units_held = units_held - @qty, units_sold = units_sold + @qty WHERE id = @tierId AND units_held >= @qty',
    );
    this.unsellStmt = db.prepare('UPDATE drop_tiers SET units_sold = units_sold - ? WHERE id = ?');
    this.unoversellStmt = db.prepare(
      'UPDATE drop_tiers SET units_oversold = units_oversold - ? WHERE id = ?',
    );
    // The newest human scan of this link: its visitor is most likely the buyer.
    this.lastVisitorStmt = db.prepare<[number, string], { visitor_id: Buffer }>(`
      SELECT visitor_id FROM clicks WHERE drop_id = ? AND link_code = ? AND is_bot = 0
      ORDER BY at DESC LIMIT 1`);
  }

  insert(e: NewEntry): number {
    return Number(
      this.insertStmt.run({ ...e, oversold: e.oversold ? 1 : 0, late: e.late ? 1 : 0 }).lastInsertRowid,
    );
  }

  byExternalId(source: string, externalId: string): EntryRow | undefined {
    return this.byExternalStmt.get(source, externalId);
  }

  byId(id: number): EntryRow | undefined {
    return this.byIdStmt.get(id);
  }

  purchasesByPaymentRef(source: string, ref: string): EntryRow[] {
    return this.byPaymentRefStmt.all(source, ref);
  }

  /** What refunds of this purchase gave back so far (positive amounts and units). */
  refunded(purchaseId: number): { amount: number; units: number; n: number } {
    return this.refundedStmt.get(purchaseId) ?? { amount: 0, units: 0, n: 0 };
  }

  tier(tierId: number): TierStockRow | undefined {
    return this.tierStmt.get(tierId);
  }

  tierByKey(kind: string, value: string): number | null {
    return this.tierByKeyStmt.get(kind, value)?.tier_id ?? null;
  }

  /**
   * Sells `qty` units of a tier that money was already taken for: what is available is sold, the rest
   * counts as oversold. Returns the oversold part.
   */
  sell(tier: TierStockRow, qty: number): number {
    const available = Math.max(0, tier.units_total - tier.units_sold - tier.units_held);
    const sold = Math.min(available, qty);
    if (sold > 0) this.sellStmt.run(sold, tier.id);
    if (qty > sold) this.oversellStmt.run(qty - sold, tier.id);
    return qty - sold;
  }

  /** A held unit becomes a sold one; false when the hold's units are no longer counted as held. */
  convertHold(tierId: number, qty: number): boolean {
    return this.convertHoldStmt.run({ tierId, qty }).changes === 1;
  }

  /** Refunded units back on sale: an oversold unit is settled first, then a sold one is un-sold. */
  restore(tier: TierStockRow, qty: number): void {
    const fromOversold = Math.min(tier.units_oversold, qty);
    if (fromOversold > 0) this.unoversellStmt.run(fromOversold, tier.id);
    const fromSold = Math.min(tier.units_sold, qty - fromOversold);
    if (fromSold > 0) this.unsellStmt.run(fromSold, tier.id);
  }

  lastVisitor(dropId: number, linkCode: string): Buffer | null {
    return this.lastVisitorStmt.get(dropId, linkCode)?.visitor_id ?? null;
  }
}

export function toEntry(r: EntryRow, duplicate: boolean): LedgerEntry {
  return {
    id: r.id,
    kind: r.kind,
    at: r.at,
    dropId: r.drop_id,
    tierId: r.tier_id,
    touchpoint: r.touchpoint_key,
    linkCode: r.link_code,
    quantity: r.quantity,
    amountCents: r.amount_cents,
    currency: r.currency,
    source: r.source,
    externalId: r.external_id,
    relatedEntryId: r.related_entry_id,
    oversold: r.oversold === 1,
    late: r.late === 1,
    duplicate,
  };
}
