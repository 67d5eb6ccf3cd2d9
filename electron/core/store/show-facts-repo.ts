import type Database from 'better-sqlite3';

export interface FactEntry {
  id: number;
  at: number;
  kind: 'purchase' | 'refund' | 'adjustment';
  drop_id: number | null;
  touchpoint_id: number;
  visitor_id: Buffer | null;
  email_hash: Buffer | null;
  quantity: number;
  amount_cents: number;
  currency: string;
  source: string;
  external_id: string;
  buyer_ref: string | null;
  related_entry_id: number | null;
}

export interface FactClick {
  id: number;
  at: number;
  drop_id: number;
  touchpoint_id: number;
  visitor_id: Buffer;
}

const ENTRY_COLUMNS = `l.id, l.at, l.kind, l.drop_id, l.touchpoint_id, l.visitor_id, l.email_hash, l.quantity,
  l.amount_cents, l.currency, l.source, l.external_id, l.buyer_ref, l.related_entry_id`;

/**
 * Which ledger entries belong to show @show, as a CTE body. An entry belongs to the show of its drop;
 * one without a drop (a late webhook, a shop order) to the show of the purchase it refunds, else to the
 * show whose window (starts_at ≤ at < ends_at) it falls in — the latest-starting one if windows overlap,
 * so no entry is ever counted in two shows. Three indexed parts instead of one OR, which SQLite would
 * answer with a scan of the whole ledger.
 */
export const SHOW_DROPS = 'SELECT id FROM drops WHERE show_id = @show';
export const SHOW_ENTRIES = `
  SELECT ${ENTRY_COLUMNS} FROM ledger_entries l WHERE l.drop_id IN (${SHOW_DROPS})
  UNION ALL
  SELECT ${ENTRY_COLUMNS} FROM ledger_entries l JOIN ledger_entries p ON p.id = l.related_entry_id
  WHERE l.drop_id IS NULL AND p.drop_id IN (${SHOW_DROPS})
  UNION ALL
  SELECT ${ENTRY_COLUMNS} FROM ledger_entries l JOIN shows w ON w.id = @show
  WHERE l.drop_id IS NULL AND l.at >= w.starts_at AND l.at < w.ends_at
    AND NOT EXISTS (SELECT 1 FROM ledger_entries p WHERE p.id = l.related_entry_id AND p.drop_id IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM shows s2 WHERE s2.id <> w.id AND s2.starts_at <= l.at AND l.at < s2.ends_at
      AND (s2.starts_at > w.starts_at OR (s2.starts_at = w.starts_at AND s2.id > w.id)))`;

/** Read-only access to a show's raw facts (clicks, ledger entries) for insights. */
export class ShowFactsRepo {
  private readonly entriesStmt;
  private readonly entryStmt;
  private readonly clicksStmt;
  private readonly linkedStmt;
  private readonly visitorClicksStmt;
  private readonly fingerprintStmt;
  private readonly dropIdsStmt;

  constructor(db: Database.Database) {
    this.entriesStmt = db.prepare<{ show: number }, FactEntry>(
      `SELECT * FROM (${SHOW_ENTRIES}) ORDER BY at, id`,
    );
    this.entryStmt = db.prepare<[number], FactEntry>(
      `SELECT ${ENTRY_COLUMNS} FROM ledger_entries l WHERE l.id = ?`,
    );
    // Human clicks only: bots never take part in a journey.
    this.clicksStmt = db.prepare<{ show: number }, FactClick>(`
      SELECT id, at, drop_id, touchpoint_id, visitor_id FROM clicks
      WHERE drop_id IN (${SHOW_DROPS}) AND is_bot = 0`);
    this.linkedStmt = db.prepare<
      [Buffer, number],
      { visitor_id: Buffer; drop_id: number | null; at: number }
    >(`
      SELECT visitor_id, drop_id, at FROM ledger_entries
      WHERE email_hash = ? AND at <= ? AND visitor_id IS NOT NULL`);
    // One walk of the drop's index for a whole set of visitors (hex, decoded by SQLite).
    this.visitorClicksStmt = db.prepare<[number, string], FactClick>(`
      SELECT id, at, drop_id, touchpoint_id, visitor_id FROM clicks
      WHERE drop_id = ? AND is_bot = 0 AND visitor_id IN (SELECT unhex(value) FROM json_each(?))`);
    this.dropIdsStmt = db.prepare<{ show: number }, { id: number }>(SHOW_DROPS);
    this.fingerprintStmt = db.prepare<{ show: number }, { fp: string }>(`
      SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(amount_cents), 0)
                FROM (${SHOW_ENTRIES}))
        || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM clicks WHERE drop_id IN (${SHOW_DROPS}))
        || '/' || (SELECT coalesce(group_concat(id), '') FROM (${SHOW_DROPS}))
        || '/' || (SELECT coalesce(starts_at, '') || '-' || coalesce(ends_at, '') FROM shows WHERE id = @show)
        AS fp`);
  }

  entries(show: number): FactEntry[] {
    return this.entriesStmt.all({ show });
  }

  dropIds(show: number): number[] {
    return this.dropIdsStmt.all({ show }).map((r) => r.id);
  }

  entry(id: number): FactEntry | undefined {
    return this.entryStmt.get(id);
  }

  clicks(show: number): FactClick[] {
    return this.clicksStmt.all({ show });
  }

  /** Visitor ids (and where they bought) of entries with this e-mail hash up to `at`. */
  linkedVisitors(
    emailHash: Buffer,
    at: number,
  ): Array<{ visitor_id: Buffer; drop_id: number | null; at: number }> {
    return this.linkedStmt.all(emailHash, at);
  }

  /** These visitors' (hex ids) human clicks on one drop. */
  visitorsClicksOnDrop(dropId: number, visitorsHex: string[]): FactClick[] {
    return this.visitorClicksStmt.all(dropId, JSON.stringify(visitorsHex));
  }

  /** Changes whenever the show's entries, clicks, drops or window change. */
  fingerprint(show: number): string {
    return this.fingerprintStmt.get({ show })?.fp ?? '';
  }
}
