import type Database from 'better-sqlite3';

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: unknown;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string | null;
}

/** Who did what, when. Written inside the same transaction as the change it describes. */
export class AuditRepo {
  private readonly insert;
  private readonly listBySubject;
  private readonly listRecent;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.listBySubject = db.prepare<[string, string, number], AuditRow>(
      'SELECT * FROM audit_log WHERE subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT ?',
    );
    this.listRecent = db.prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  }

  record(e: {
    actor: string;
    action: string;
    subjectType: string;
    subjectId?: string | number | null;
    detail?: unknown;
    at?: number;
  }): void {
    this.insert.run(
      e.at ?? Date.now(),
      e.actor,
      e.action,
      e.subjectType,
      e.subjectId == null ? null : String(e.subjectId),
      e.detail === undefined ? null : JSON.stringify(e.detail),
    );
  }

  list(filter: { subjectType?: string; subjectId?: string | number; limit?: number } = {}): AuditEntry[] {
    const limit = filter.limit ?? 100;
    const rows =
      filter.subjectType && filter.subjectId != null
        ? this.listBySubject.all(filter.subjectType, String(filter.subjectId), limit)
        : this.listRecent.all(limit);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
    }));
  }
}
