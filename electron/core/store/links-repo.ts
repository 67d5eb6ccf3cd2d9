import type Database from 'better-sqlite3';
import type { TouchpointKind } from '../../../shared/touchpoints';

export interface LinkRow {
  code: string;
  drop_id: number;
  touchpoint_id: number;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  created_by: string;
}

/** What a scan needs to answer, in one indexed lookup. */
export interface ResolvedLinkRow extends LinkRow {
  checkout_url: string;
  drop_title: string;
  touchpoint_key: string;
  touchpoint_kind: TouchpointKind;
  /** The drop's stock-holds mode: anything but 'off' sends scans to the hold page first. */
  holds_mode: 'off' | 'last_units' | 'always';
  /** When the drop's checkout URL last changed (0: never since created): the link's target moved. */
  checkout_changed_at: number;
}

/**
 * A link with what its checkout location is built from (`ResolvedLinkRow`). One SELECT for every
 * reader — the scan path and the relay publisher — so a column the location needs can't be missed
 * by one of them. Callers add their WHERE/ORDER BY.
 */
export const RESOLVED_LINK_SELECT = `
  SELECT l.*, d.checkout_url, d.checkout_changed_at, d.title AS drop_title, d.holds_mode,
    t.key AS touchpoint_key, t.kind AS touchpoint_kind
  FROM links l JOIN drops d ON d.id = l.drop_id JOIN touchpoints t ON t.id = l.touchpoint_id`;

export class LinksRepo {
  private readonly insertStmt;
  private readonly resolveStmt;
  private readonly byCode;
  private readonly revokeStmt;
  private readonly currentStmt;
  private readonly byDrop;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO links (code, drop_id, touchpoint_id, created_at, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.resolveStmt = db.prepare<[string], ResolvedLinkRow>(`${RESOLVED_LINK_SELECT} WHERE l.code = ?`);
    this.byCode = db.prepare<[string], LinkRow>('SELECT * FROM links WHERE code = ?');
    this.revokeStmt = db.prepare('UPDATE links SET revoked_at = ? WHERE code = ? AND revoked_at IS NULL');
    this.currentStmt = db.prepare<[number, number, number], LinkRow>(`
      SELECT * FROM links WHERE drop_id = ? AND touchpoint_id = ? AND revoked_at IS NULL AND expires_at > ?
      ORDER BY created_at DESC LIMIT 1`);
    this.byDrop = db.prepare<[number], LinkRow>(
      'SELECT * FROM links WHERE drop_id = ? ORDER BY created_at DESC',
    );
  }

  insert(row: Omit<LinkRow, 'revoked_at'>): void {
    this.insertStmt.run(
      row.code,
      row.drop_id,
      row.touchpoint_id,
      row.created_at,
      row.expires_at,
      row.created_by,
    );
  }

  resolve(code: string): ResolvedLinkRow | undefined {
    return this.resolveStmt.get(code);
  }

  get(code: string): LinkRow | undefined {
    return this.byCode.get(code);
  }

  revoke(code: string, now: number): boolean {
    return this.revokeStmt.run(now, code).changes === 1;
  }

  /** The newest live link of a touchpoint for a drop, if any. */
  current(dropId: number, touchpointId: number, now: number): LinkRow | undefined {
    return this.currentStmt.get(dropId, touchpointId, now);
  }

  listByDrop(dropId: number): LinkRow[] {
    return this.byDrop.all(dropId);
  }
}
