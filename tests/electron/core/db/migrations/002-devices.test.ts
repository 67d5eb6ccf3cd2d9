import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { migration001 } from '../../../../../electron/core/db/migrations/001-initial';
import { migration002 } from '../../../../../electron/core/db/migrations/002-devices';

describe('migration 002 (devices and roles)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [migration001]);
    // A day-one audit row and a host-made touchpoint from before the upgrade survive it.
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, subject_type) VALUES (1, 'host', 'drop:create', 'drop')",
    ).run();
    db.prepare(
      "INSERT INTO touchpoints (key, kind, label, creator, audience, created_at) VALUES ('ana', 'creator_dm', 'Ana', 'Ana', 'public', 1)",
    ).run();
    migrate(db, [migration001, migration002]);
  });
  afterEach(() => db.close());

  it('adds STRICT device and pairing tables and sets user_version 2', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('devices', 'pairing_codes')",
      )
      .all();
    expect(strict).toEqual(
      expect.arrayContaining([
        { name: 'devices', strict: 1 },
        { name: 'pairing_codes', strict: 1 },
      ]),
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO devices (name, role, token_hash, created_at, created_by) VALUES ('x', 'admin', x'00', 1, 'host')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('keeps old audit rows (without a device) and marks only the stream touchpoint as on stream', () => {
    expect(db.prepare('SELECT actor, device_id FROM audit_log').get()).toEqual({
      actor: 'host',
      device_id: null,
    });
    const onStream = db
      .prepare<[], { key: string }>('SELECT key FROM touchpoints WHERE on_stream = 1')
      .all()
      .map((r) => r.key);
    expect(onStream).toEqual(['stream']);
  });

  it('refuses two devices with one token hash', () => {
    const insert = db.prepare(
      "INSERT INTO devices (name, role, token_hash, created_at, created_by) VALUES ('p', 'cohost', x'0102', 1, 'host')",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE constraint failed/);
  });
});
