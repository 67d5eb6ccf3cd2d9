import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../../electron/core/db/migrations';

describe('migration 006 (insights: show costs, creator splits, attribution credits)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
  });
  afterEach(() => db.close());

  const now = Date.UTC(2026, 10, 21);
  const seedShowAndDrop = (): { show: number; drop: number } => {
    const show = Number(
      db.prepare("INSERT INTO shows (name, created_at) VALUES ('Friday', ?)").run(now).lastInsertRowid,
    );
    const drop = Number(
      db
        .prepare(
          "INSERT INTO drops (title, currency, checkout_url, duration_sec, created_at, updated_at, show_id) VALUES ('Mug', 'EUR', 'https://x', 60, ?, ?, ?)",
        )
        .run(now, now, show).lastInsertRowid,
    );
    return { show, drop };
  };

  it('upgrades a version-5 database with data in it, keeping its ledger, and sets user_version 6', () => {
    migrate(db, MIGRATIONS.slice(0, 5));
    const { drop } = seedShowAndDrop();
    db.prepare(
      `INSERT INTO ledger_entries (at, kind, drop_id, touchpoint_id, quantity, amount_cents, currency, source, external_id, created_at)
       VALUES (?, 'purchase', ?, 1, 1, 2500, 'EUR', 'manual', 'm1', ?)`,
    ).run(now, drop, now);
    expect(migrate(db, MIGRATIONS.slice(0, 6))).toBe(6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT count(*) AS n FROM ledger_entries').get()).toEqual({ n: 1 });
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name IN ('show_costs', 'split_shares', 'attribution_credits', 'attribution_runs')",
      )
      .all();
    expect(tables.map((t) => t.name).sort()).toEqual(
      ['attribution_credits', 'attribution_runs', 'show_costs', 'split_shares'].sort(),
    );
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    const indexes = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['ledger_by_email', 'attribution_by_show', 'split_shares_unique']),
    );
  });

  it('refuses a share outside 0-100 %, a creator twice in one scope, a negative cost and an unknown model', () => {
    migrate(db, MIGRATIONS);
    const { show, drop } = seedShowAndDrop();
    const split = db.prepare(
      'INSERT INTO split_shares (show_id, drop_id, creator, basis_points, position, updated_at) VALUES (?, ?, ?, ?, 0, ?)',
    );
    expect(() => split.run(show, null, 'Ana', 10_001, now)).toThrow(/CHECK/);
    expect(() => split.run(show, null, 'Ana', 0, now)).toThrow(/CHECK/);
    split.run(show, null, 'Ana', 5000, now);
    expect(() => split.run(show, null, 'Ana', 100, now)).toThrow(/UNIQUE/);
    split.run(show, drop, 'Ana', 2500, now); // the same creator in a drop's own split is another scope
    expect(() =>
      db
        .prepare(
          "INSERT INTO show_costs (show_id, touchpoint_id, amount_cents, currency, updated_at) VALUES (?, 1, -1, 'EUR', ?)",
        )
        .run(show, now),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO attribution_credits (model, entry_id, touchpoint_id, show_id, weight, conversions, revenue_cents, currency, touches) VALUES ('u_shaped', 1, 1, ?, 1, 1, 0, 'EUR', 0)",
        )
        .run(show),
    ).toThrow(/CHECK/);
  });

  it('deletes a show’s costs and splits with the show', () => {
    migrate(db, MIGRATIONS);
    const { show, drop } = seedShowAndDrop();
    db.prepare(
      "INSERT INTO show_costs (show_id, touchpoint_id, amount_cents, currency, updated_at) VALUES (?, 1, 500, 'EUR', ?)",
    ).run(show, now);
    db.prepare(
      "INSERT INTO split_shares (show_id, creator, basis_points, position, updated_at) VALUES (?, 'Ana', 5000, 0, ?)",
    ).run(show, now);
    db.prepare('UPDATE drops SET show_id = NULL WHERE id = ?').run(drop);
    db.prepare('DELETE FROM shows WHERE id = ?').run(show);
    expect(
      db.prepare('SELECT (SELECT count(*) FROM show_costs) + (SELECT count(*) FROM split_shares) AS n').get(),
    ).toEqual({
      n: 0,
    });
  });
});
