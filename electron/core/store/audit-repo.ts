import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/devices';
import type { Actor } from '../devices/principal';

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  device_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string | null;
}

export interface AuditFilter {
  subjectType?: string;
  subjectId?: string | number;
  action?: string;
  deviceId?: number;
  /** Entries older than this id. */
  before?: number;
  limit?: number;
}

/** Who did what, when. Written inside the same transaction as the change it describes. */
export class AuditRepo {
  private readonly insert;
  private readonly listFiltered;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (at, actor, device_id, action, subject_type, subject_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // One statement for every filter: a NULL parameter switches its condition off.
    this.listFiltered = db.prepare<
      [Record<string, string | number | null>],
      AuditRow
    >(`SELECT * FROM audit_log
       WHERE (@subjectType IS NULL OR subject_type = @subjectType)
         AND (@subjectId IS NULL OR subject_id = @subjectId)
         AND (@action IS NULL OR action = @action) AND (@deviceId IS NULL OR device_id = @deviceId)
         AND (@before IS NULL OR id < @before)
       ORDER BY id DESC LIMIT @limit`);
  }

  record(e: {
    actor: Actor;
    action: string;
    subjectType: string;
    subjectId?: string | number | null;
    detail?: unknown;
    at?: number;
  }): void {
    this.insert.run(
      e.at ?? Date.now(),
      e.actor.name,
      e.actor.deviceId,
      e.action,
      e.subjectType,
      e.subjectId == null ? null : String(e.subjectId),
      e.detail === undefined ? null : JSON.stringify(e.detail),
    );
  }

  list(filter: AuditFilter = {}): AuditEntry[] {
    const rows = this.listFiltered.all({
      subjectType: filter.subjectType ?? null,
      subjectId: filter.subjectId == null ? null : String(filter.subjectId),
      action: filter.action ?? null,
      deviceId: filter.deviceId ?? null,
      before: filter.before ?? null,
      limit: filter.limit ?? 100,
    });
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      deviceId: r.device_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
    }));
  }
}
