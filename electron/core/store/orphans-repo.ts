import type Database from 'better-sqlite3';

export interface OrphanVisit {
  at: number;
  code: string;
  reason: 'unknown' | 'expired' | 'revoked';
  bot: boolean;
}

/** Scans of codes that led nowhere: typos, old screenshots, revoked links. Read side only. */
export class OrphansRepo {
  private readonly recent;

  constructor(db: Database.Database) {
    this.recent = db.prepare<
      [number],
      { at: number; code: string; reason: OrphanVisit['reason']; is_bot: number }
    >('SELECT at, code, reason, is_bot FROM orphan_visits ORDER BY id DESC LIMIT ?');
  }

  list(limit: number): OrphanVisit[] {
    return this.recent
      .all(limit)
      .map((r) => ({ at: r.at, code: r.code, reason: r.reason, bot: r.is_bot === 1 }));
  }
}
