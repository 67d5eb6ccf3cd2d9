import type Database from 'better-sqlite3';
import type { Hold } from '../../../shared/ledger';

export interface HoldRow {
  id: number;
  ref: string;
  drop_id: number;
  tier_id: number;
  link_code: string;
  touchpoint_id: number;
  visitor_id: Buffer;
  quantity: number;
  status: Hold['status'];
  created_at: number;
  expires_at: number;
}

export interface RedemptionRow {
  code: string;
  link_code: string;
  drop_id: number;
  touchpoint_id: number;
  visitor_id: Buffer;
  hold_id: number | null;
  created_at: number;
}

/**
 * Stock holds and redemption codes. A hold's units sit in `drop_tiers.units_held` while it is active;
 * every status change off 'active' gives them back in the same statement batch. Callers own transactions.
 */
export class HoldsRepo {
  private readonly reserveStmt;
  private readonly unreserveStmt;
  private readonly insertStmt;
  private readonly byRefStmt;
  private readonly byIdStmt;
  private readonly activeForVisitorStmt;
  private readonly countForVisitorStmt;
  private readonly dueStmt;
  private readonly nextExpiryStmt;
  private readonly settleStmt;
  private readonly linkEntryStmt;
  private readonly byDropStmt;
  private readonly insertCodeStmt;
  private readonly codeStmt;
  private readonly codeForVisitorStmt;

  constructor(db: Database.Database) {
    // The guard makes the reservation and the check one statement: parallel taps can't over-hold.
    this.reserveStmt = db.prepare(`
      UPDATE drop_tiers SET units_held = units_held + @qty
      WHERE id = @tierId AND units_sold + units_held + @qty <= units_total`);
    this.unreserveStmt = db.prepare('UPDATE drop_tiers SET units_held = MAX(units_held - ?, 0) WHERE id = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO holds (ref, drop_id, tier_id, link_code, touchpoint_id, visitor_id, quantity, created_at, expires_at)
      VALUES (@ref, @drop_id, @tier_id, @link_code, @touchpoint_id, @visitor_id, @quantity, @created_at, @expires_at)`);
    this.byRefStmt = db.prepare<[string], HoldRow>('SELECT * FROM holds WHERE ref = ?');
    this.byIdStmt = db.prepare<[number], HoldRow>('SELECT * FROM holds WHERE id = ?');
    this.activeForVisitorStmt = db.prepare<[number, Buffer, number], HoldRow>(`
      SELECT * FROM holds WHERE drop_id = ? AND visitor_id = ? AND status = 'active' AND expires_at > ?
      ORDER BY id DESC LIMIT 1`);
    this.countForVisitorStmt = db.prepare<[number, Buffer], { n: number }>(
      // Holds that became sales don't count: the per-buyer cap is admission's business, not the hold's.
      "SELECT COUNT(*) AS n FROM holds WHERE drop_id = ? AND visitor_id = ? AND status <> 'converted'",
    );
    this.dueStmt = db.prepare<[number], HoldRow>(
      "SELECT * FROM holds WHERE status = 'active' AND expires_at <= ? ORDER BY expires_at",
    );
    this.nextExpiryStmt = db.prepare<[], { at: number | null }>(
      "SELECT MIN(expires_at) AS at FROM holds WHERE status = 'active'",
    );
    this.settleStmt = db.prepare(`
      UPDATE holds SET status = @status, settled_at = @at, ledger_entry_id = @entryId
      WHERE id = @id AND status = 'active'`);
    this.linkEntryStmt = db.prepare('UPDATE holds SET ledger_entry_id = ? WHERE id = ?');
    this.byDropStmt = db.prepare<[number, number], HoldRow>(
      'SELECT * FROM holds WHERE drop_id = ? ORDER BY id DESC LIMIT ?',
    );
    this.insertCodeStmt = db.prepare(`
      INSERT OR IGNORE INTO redemption_codes (code, link_code, drop_id, touchpoint_id, visitor_id, hold_id, created_at)
      VALUES (@code, @link_code, @drop_id, @touchpoint_id, @visitor_id, @hold_id, @created_at)`);
    this.codeStmt = db.prepare<[string], RedemptionRow>('SELECT * FROM redemption_codes WHERE code = ?');
    this.codeForVisitorStmt = db.prepare<[number, Buffer, string], RedemptionRow>(`
      SELECT * FROM redemption_codes WHERE drop_id = ? AND visitor_id = ? AND link_code = ?
      ORDER BY created_at DESC LIMIT 1`);
  }

  /** Reserves units of a tier if that many are free; false (nothing written) otherwise. */
  reserve(tierId: number, qty: number): boolean {
    return this.reserveStmt.run({ tierId, qty }).changes === 1;
  }

  insert(row: Omit<HoldRow, 'id' | 'status'>): number {
    return Number(this.insertStmt.run(row).lastInsertRowid);
  }

  byRef(ref: string): HoldRow | undefined {
    return this.byRefStmt.get(ref);
  }

  byId(id: number): HoldRow | undefined {
    return this.byIdStmt.get(id);
  }

  activeForVisitor(dropId: number, visitorId: Buffer, now: number): HoldRow | undefined {
    return this.activeForVisitorStmt.get(dropId, visitorId, now);
  }

  countForVisitor(dropId: number, visitorId: Buffer): number {
    return this.countForVisitorStmt.get(dropId, visitorId)?.n ?? 0;
  }

  /**
   * Ends an active hold. 'converted' keeps its units counted as held for the caller to turn into sold
   * ones (`PostingsRepo.convertHold`); 'expired' and 'released' give them back to stock. False when
   * the hold was no longer active (nothing changed).
   */
  settle(
    hold: HoldRow,
    status: 'converted' | 'expired' | 'released',
    at: number,
    entryId: number | null,
  ): boolean {
    const changed = this.settleStmt.run({ id: hold.id, status, at, entryId }).changes === 1;
    if (changed && status !== 'converted') this.unreserveStmt.run(hold.quantity, hold.tier_id);
    return changed;
  }

  /** Gives held units back to stock (a converted hold that covered more than was bought). */
  unreserve(tierId: number, qty: number): void {
    this.unreserveStmt.run(qty, tierId);
  }

  linkEntry(holdId: number, entryId: number): void {
    this.linkEntryStmt.run(entryId, holdId);
  }

  due(now: number): HoldRow[] {
    return this.dueStmt.all(now);
  }

  /** When the soonest active hold expires, or null when none is active. */
  nextExpiry(): number | null {
    return this.nextExpiryStmt.get()?.at ?? null;
  }

  listByDrop(dropId: number, limit: number): HoldRow[] {
    return this.byDropStmt.all(dropId, limit);
  }

  insertCode(row: RedemptionRow): boolean {
    return this.insertCodeStmt.run(row).changes === 1;
  }

  code(code: string): RedemptionRow | undefined {
    return this.codeStmt.get(code);
  }

  codeForVisitor(dropId: number, visitorId: Buffer, linkCode: string): RedemptionRow | undefined {
    return this.codeForVisitorStmt.get(dropId, visitorId, linkCode);
  }
}

export function toHold(r: HoldRow): Hold {
  return {
    ref: r.ref,
    dropId: r.drop_id,
    tierId: r.tier_id,
    linkCode: r.link_code,
    quantity: r.quantity,
    status: r.status,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}
