import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** What the ingestion half (webhooks, holds, CSV, refunds) writes: the facts' shape is the contract. */
export interface RawEntry {
  at: number;
  kind?: 'purchase' | 'refund' | 'adjustment';
  dropId?: number | null;
  tierId?: number | null;
  touchpoint?: string;
  linkCode?: string | null;
  visitorId?: Buffer | null;
  emailHash?: Buffer | null;
  /** Negative for a refund (sign convention of migration 003). */
  quantity: number;
  amountCents: number;
  currency?: string;
  source?: string;
  externalId: string;
  buyerRef?: string | null;
  relatedEntryId?: number | null;
}

/** A stand-in for the keyed e-mail hash the ingestion half computes (only equality matters here). */
export const emailHash = (email: string): Buffer =>
  createHash('sha256').update('test-key\n').update(email.trim().toLowerCase()).digest();

/**
 * Writes facts the API of this branch cannot create yet (refunds, e-mail hashes, sales without a drop,
 * joined visitor ids) through a second connection to a running test core's database (WAL lets both
 * connections work at once), and reads back what the core stored.
 */
export class RawFacts {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'dropdeck.sqlite'));
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
  }

  entry(e: RawEntry): number {
    const tp = this.db
      .prepare<[string], { id: number }>('SELECT id FROM touchpoints WHERE key = ?')
      .get(e.touchpoint ?? 'direct');
    if (!tp) throw new Error(`no touchpoint ${e.touchpoint}`);
    const r = this.db
      .prepare(
        `INSERT INTO ledger_entries (at, kind, drop_id, tier_id, touchpoint_id, link_code, visitor_id, email_hash,
          quantity, amount_cents, currency, source, external_id, buyer_ref, related_entry_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.at,
        e.kind ?? 'purchase',
        e.dropId ?? null,
        e.tierId ?? null,
        tp.id,
        e.linkCode ?? null,
        e.visitorId ?? null,
        e.emailHash ?? null,
        e.quantity,
        e.amountCents,
        e.currency ?? 'EUR',
        e.source ?? 'stripe',
        e.externalId,
        e.buyerRef ?? null,
        e.relatedEntryId ?? null,
        e.at,
      );
    return Number(r.lastInsertRowid);
  }

  /** What the ingestion half does once it matched a sale to its scan (hold, link ref) and e-mail. */
  joinScan(entryId: number, visitorId: Buffer | null, email: Buffer | null = null): void {
    this.db
      .prepare('UPDATE ledger_entries SET visitor_id = ?, email_hash = ? WHERE id = ?')
      .run(visitorId, email, entryId);
  }

  /** The visitor id the core stored for its latest click on a link. */
  lastVisitor(linkCode: string): Buffer {
    const row = this.db
      .prepare<[string], { visitor_id: Buffer }>(
        'SELECT visitor_id FROM clicks WHERE link_code = ? ORDER BY id DESC LIMIT 1',
      )
      .get(linkCode);
    if (!row) throw new Error(`no click on ${linkCode}`);
    return row.visitor_id;
  }

  run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  close(): void {
    this.db.close();
  }
}
