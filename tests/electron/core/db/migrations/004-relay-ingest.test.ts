import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../../electron/core/db/migrations';

describe('migration 004 (scans from the edge relay)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 3));
    // A laptop scan from before the upgrade stays a local one.
    db.prepare(
      "INSERT INTO clicks (at, link_code, drop_id, touchpoint_id, via, visitor_id, is_unique, is_bot) VALUES (1, 'c', 1, 1, 'qr', x'00', 1, 0)",
    ).run();
    migrate(db, MIGRATIONS.slice(0, 4));
  });
  afterEach(() => db.close());

  const insert = (edgeId: string | null, source = 'relay') =>
    db
      .prepare(
        "INSERT INTO clicks (at, link_code, drop_id, touchpoint_id, via, visitor_id, is_unique, is_bot, source, edge_id) VALUES (2, 'c', 1, 1, 'link', x'01', 0, 0, ?, ?)",
      )
      .run(source, edgeId);

  it('marks old scans local and keeps one row per relay scan id', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT source, edge_id FROM clicks').get()).toEqual({
      source: 'local',
      edge_id: null,
    });
    insert('e-1');
    expect(() => insert('e-1')).toThrow(/UNIQUE constraint failed/);
    // Local scans carry no edge id, and any number of them coexist.
    insert(null, 'local');
    insert(null, 'local');
    expect(() => insert('x', 'edge')).toThrow(/CHECK constraint failed/);
  });

  it('adds STRICT cursor, mark and overflow tables', () => {
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('relay_cursors', 'relay_marks', 'orphan_overflow')",
      )
      .all();
    expect(strict).toHaveLength(3);
    expect(strict.every((t) => t.strict === 1)).toBe(true);
    expect(() =>
      db.prepare('INSERT INTO relay_cursors (shard, seq, synced_at) VALUES (0, -1, 1)').run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
