import type Database from 'better-sqlite3';
import { SHOW_DROPS, SHOW_ENTRIES } from './show-facts-repo';

export interface ClickExportRow {
  id: number;
  at: number;
  drop_id: number;
  touchpoint: string;
  via: string;
  visitor_id: string;
  is_unique: number;
  is_bot: number;
}

export interface LedgerExportRow {
  id: number;
  at: number;
  kind: string;
  drop_id: number | null;
  tier_id: number | null;
  touchpoint: string;
  link_code: string | null;
  quantity: number;
  amount_cents: number;
  currency: string;
  source: string;
  external_id: string;
  related_entry_id: number | null;
  visitor_id: string | null;
  email_hash: string | null;
}

/**
 * A show's raw facts for export. Only what the store holds: pseudonymous hashes (lowercase hex), never
 * an IP or a user agent (they are never stored); buyer references and display names stay out too.
 */
export class ExportsRepo {
  private readonly clicksStmt;
  private readonly ledgerStmt;

  constructor(db: Database.Database) {
    this.clicksStmt = db.prepare<{ show: number }, ClickExportRow>(`
      SELECT c.id, c.at, c.drop_id, t.key AS touchpoint, c.via, lower(hex(c.visitor_id)) AS visitor_id,
             c.is_unique, c.is_bot
      FROM clicks c JOIN touchpoints t ON t.id = c.touchpoint_id
      WHERE c.drop_id IN (${SHOW_DROPS}) ORDER BY c.id`);
    this.ledgerStmt = db.prepare<{ show: number }, LedgerExportRow>(`
      SELECT e.id, e.at, e.kind, e.drop_id, l.tier_id, t.key AS touchpoint, l.link_code, e.quantity,
             e.amount_cents, e.currency, e.source, e.external_id, e.related_entry_id,
             lower(hex(e.visitor_id)) AS visitor_id, lower(hex(e.email_hash)) AS email_hash
      FROM (${SHOW_ENTRIES}) e JOIN ledger_entries l ON l.id = e.id JOIN touchpoints t ON t.id = e.touchpoint_id
      ORDER BY e.id`);
  }

  clicks(show: number): ClickExportRow[] {
    return this.clicksStmt.all({ show });
  }

  ledger(show: number): LedgerExportRow[] {
    return this.ledgerStmt.all({ show });
  }
}
