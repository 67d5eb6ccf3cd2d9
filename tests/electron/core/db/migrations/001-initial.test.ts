import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { migration001 } from '../../../../../electron/core/db/migrations/001-initial';

describe('migration 001 (initial schema)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [migration001]);
  });
  afterEach(() => db.close());

  it('creates every table as STRICT and sets user_version 1', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'audit_log',
        'clicks',
        'drop_tiers',
        'drops',
        'inventory_movements',
        'ledger_entries',
        'links',
        'minute_stats',
        'orphan_visits',
        'product_variants',
        'products',
        'settings',
        'touchpoints',
        'visitor_salts',
      ].sort(),
    );
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('seeds the touchpoints a host needs on day one, including a members-only one', () => {
    const rows = db
      .prepare<[], { key: string; audience: string }>('SELECT key, audience FROM touchpoints')
      .all();
    expect(rows.map((r) => r.key)).toEqual(
      expect.arrayContaining(['direct', 'stream', 'venue', 'nfc', 'dm', 'email', 'members']),
    );
    expect(rows.find((r) => r.key === 'members')?.audience).toBe('members');
  });

  it('rejects values of the wrong type (STRICT) and overselling a tier (CHECK)', () => {
    const now = Date.now();
    expect(() =>
      db
        .prepare(
          "INSERT INTO drops (title, currency, checkout_url, duration_sec, created_at, updated_at) VALUES ('x', 'EUR', 'u', 'sixty', ?, ?)",
        )
        .run(now, now),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.prepare(
      "INSERT INTO drops (id, title, currency, checkout_url, duration_sec, created_at, updated_at) VALUES (1, 'x', 'EUR', 'u', 60, ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO drop_tiers (drop_id, position, name, price_cents, units_total) VALUES (1, 0, 'std', 100, 2)",
    ).run();
    expect(() => db.prepare('UPDATE drop_tiers SET units_sold = 3').run()).toThrow(/CHECK constraint failed/);
  });

  it('keeps one ledger entry per (source, external id)', () => {
    const now = Date.now();
    db.prepare(
      "INSERT INTO drops (id, title, currency, checkout_url, duration_sec, created_at, updated_at) VALUES (1, 'x', 'EUR', 'u', 60, ?, ?)",
    ).run(now, now);
    db.prepare(
      "INSERT INTO drop_tiers (id, drop_id, position, name, price_cents, units_total) VALUES (1, 1, 0, 'std', 100, 2)",
    ).run();
    const insert = db.prepare(
      "INSERT INTO ledger_entries (at, kind, drop_id, tier_id, touchpoint_id, quantity, amount_cents, currency, source, external_id, created_at) VALUES (?, 'purchase', 1, 1, 1, 1, 100, 'EUR', 'stripe', 'pi_1', ?)",
    );
    insert.run(now, now);
    expect(() => insert.run(now, now)).toThrow(/UNIQUE constraint failed/);
  });
});
