import type Database from 'better-sqlite3';
import type {
  CreateTouchpointInput,
  Touchpoint,
  TouchpointKind,
  UpdateTouchpointInput,
} from '../../../shared/touchpoints';

interface TouchpointRow {
  id: number;
  key: string;
  kind: TouchpointKind;
  label: string;
  creator: string | null;
  audience: 'public' | 'members';
  on_stream: number;
  created_at: number;
}

const toTouchpoint = (r: TouchpointRow): Touchpoint => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  label: r.label,
  creator: r.creator,
  audience: r.audience,
  onStream: r.on_stream === 1,
  createdAt: r.created_at,
});

export class TouchpointsRepo {
  private readonly byKey;
  private readonly byId;
  private readonly all;
  private readonly insert;
  private readonly patch;

  constructor(db: Database.Database) {
    this.byKey = db.prepare<[string], TouchpointRow>('SELECT * FROM touchpoints WHERE key = ?');
    this.byId = db.prepare<[number], TouchpointRow>('SELECT * FROM touchpoints WHERE id = ?');
    this.all = db.prepare<[], TouchpointRow>('SELECT * FROM touchpoints ORDER BY id');
    this.insert = db.prepare(
      'INSERT INTO touchpoints (key, kind, label, creator, audience, on_stream, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // NULL keeps a column; creator uses a flag since NULL is also a value it can be set to.
    this.patch = db.prepare(`UPDATE touchpoints SET label = coalesce(?, label),
      creator = CASE WHEN ? THEN ? ELSE creator END, on_stream = coalesce(?, on_stream) WHERE id = ?`);
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
      input.onStream ? 1 : 0,
      now,
    );
    return this.findById(Number(lastInsertRowid));
  }

  update(id: number, patch: UpdateTouchpointInput): void {
    const onStream = patch.onStream === undefined ? null : patch.onStream ? 1 : 0;
    this.patch.run(
      patch.label ?? null,
      patch.creator !== undefined ? 1 : 0,
      patch.creator ?? null,
      onStream,
      id,
    );
  }
}
