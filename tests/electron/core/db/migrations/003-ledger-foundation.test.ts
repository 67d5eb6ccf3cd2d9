import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { migration001 } from '../../../../../electron/core/db/migrations/001-initial';
import { migration002 } from '../../../../../electron/core/db/migrations/002-devices';
import { migration003 } from '../../../../../electron/core/db/migrations/003-ledger-foundation';

describe('migration 003 (shows; a ledger for orders without a drop)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [migration001, migration002]);
    // A sale and the inventory movement that points at it, recorded before the upgrade.
    db.exec(`
      INSERT INTO drops (id, title, currency, checkout_url, duration_sec, created_at, updated_at)
        VALUES (1, 'Mug', 'EUR', 'https://s.example', 60, 1, 1);
      INSERT INTO drop_tiers (id, drop_id, position, name, price_cents, units_total, units_sold)
        VALUES (1, 1, 0, 'std', 2500, 5, 1);
      INSERT INTO ledger_entries (id, at, kind, drop_id, tier_id, touchpoint_id, quantity, amount_cents, currency,
        source, external_id, created_at) VALUES (7, 10, 'purchase', 1, 1, 1, 1, 2500, 'EUR', 'manual', 'm1', 11);
      INSERT INTO inventory_movements (at, drop_id, tier_id, delta, reason, ledger_entry_id, actor)
        VALUES (10, 1, 1, -1, 'sale', 7, 'host');
    `);
    migrate(db, [migration001, migration002, migration003]);
  });
  afterEach(() => db.close());

  it('keeps every sale and the references to it', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT id, amount_cents, oversold, visitor_id FROM ledger_entries').all()).toEqual([
      { id: 7, amount_cents: 2500, oversold: 0, visitor_id: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT ledger_entry_id FROM inventory_movements').get()).toEqual({
      ledger_entry_id: 7,
    });
    const strict = db
      .prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'ledger_entries'")
      .get();
    expect(strict?.strict).toBe(1);
  });

  it('posts an order that belongs to no drop, still once per (source, external id)', () => {
    const insert = db.prepare(
      "INSERT INTO ledger_entries (at, kind, touchpoint_id, quantity, amount_cents, currency, source, external_id, created_at) VALUES (20, 'purchase', 1, 1, 900, 'EUR', 'shopify', 'o-1', 21)",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE constraint failed/);
  });

  it('groups drops into shows', () => {
    db.prepare("INSERT INTO shows (id, name, created_at) VALUES (1, 'Friday pop-up', 1)").run();
    db.prepare('UPDATE drops SET show_id = 1 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE drops SET show_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  });
});
