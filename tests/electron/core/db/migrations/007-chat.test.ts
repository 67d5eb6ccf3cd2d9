import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../../electron/core/db/migrations';

describe('migration 007 (chat)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 6));
    // A host who already made a "chat" touchpoint keeps theirs: the migration only adds what is missing.
    db.prepare(
      "INSERT INTO touchpoints (key, kind, label, audience, created_at) VALUES ('chat', 'other', 'My chat', 'public', 1)",
    ).run();
    migrate(db, MIGRATIONS.slice(0, 7));
  });
  afterEach(() => db.close());

  it('adds STRICT chat tables and sets user_version 7', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name LIKE 'chat_%' ORDER BY name",
      )
      .all();
    expect(tables).toEqual([
      { name: 'chat_claims', strict: 1 },
      { name: 'chat_leaderboard_optins', strict: 1 },
      { name: 'chat_messages', strict: 1 },
      { name: 'chat_mutes', strict: 1 },
      { name: 'chat_vanity_paths', strict: 1 },
    ]);
    expect(() =>
      db
        .prepare(
          "INSERT INTO chat_messages (at, kind, source, display_name, body) VALUES (1, 'whisper', 'venue', 'a', 'b')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.prepare("INSERT INTO chat_vanity_paths (path, drop_id, created_at) VALUES ('Go Tote', 1, 1)").run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('creates the chat and audio touchpoints once, off stream, and leaves an existing one alone', () => {
    const rows = db
      .prepare<[], { key: string; kind: string; label: string; on_stream: number; audience: string }>(
        "SELECT key, kind, label, on_stream, audience FROM touchpoints WHERE key IN ('chat', 'audio') ORDER BY key",
      )
      .all();
    expect(rows).toEqual([
      { key: 'audio', kind: 'other', label: 'Audio show (spoken path)', on_stream: 0, audience: 'public' },
      { key: 'chat', kind: 'other', label: 'My chat', on_stream: 0, audience: 'public' },
    ]);
  });

  it('indexes ledger link codes for recognition, and numbers 4-6 are empty placeholders', () => {
    const idx = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ledger_by_link_code'",
      )
      .get();
    expect(idx?.name).toBe('ledger_by_link_code');
    expect(MIGRATIONS.slice(0, 7).map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
