import type Database from 'better-sqlite3';
import type { CreateTouchpointInput, Touchpoint, TouchpointKind } from '../../../shared/touchpoints';

interface TouchpointRow {
  id: number;
  key: string;
  kind: TouchpointKind;
  label: string;
  creator: string | null;
  audience: 'public' | 'members';
  created_at: number;
}

const toTouchpoint = (r: TouchpointRow): Touchpoint => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  label: r.label,
  creator: r.creator,
  audience: r.audience,
  createdAt: r.created_at,
});

export class TouchpointsRepo {
  private readonly byKey;
  private readonly byId;
  private readonly all;
  private readonly insert;

  constructor(db: Database.Database) {
    this.byKey = db.prepare<[string], TouchpointRow>('SELECT * FROM touchpoints WHERE key = ?');
    this.byId = db.prepare<[number], TouchpointRow>('SELECT * FROM touchpoints WHERE id = ?');
    this.all = db.prepare<[], TouchpointRow>('SELECT * FROM touchpoints ORDER BY id');
    this.insert = db.prepare(
      'INSERT INTO touchpoints (key, kind, label, creator, audience, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  findByKey(key: string): Touchpoint | null {
    const row = this.byKey.get(key);
    return row ? toTouchpoint(row) : null;
  }

  findById(id: number): Touchpoint | null {
    const row = this.byId.get(id);
    return row ? toTouchpoint(row) : null;
  }

  list(): Touchpoint[] {
    return this.all.all().map(toTouchpoint);
  }

  /** Returns null when the key is taken. */
  create(input: CreateTouchpointInput, now: number): Touchpoint | null {
    if (this.byKey.get(input.key)) return null;
    const { lastInsertRowid } = this.insert.run(
      input.key,
      input.kind,
      input.label ?? input.key,
      input.creator ?? null,
      input.audience,
      now,
    );
    return this.findById(Number(lastInsertRowid));
  }
}
