import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../../electron/core/db/migrations';

const NOW = Date.UTC(2026, 10, 21, 18, 0, 0);

describe('migration 005 (ledger ingestion)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    // A database at version 4 with a drop, a tier and a sale in it, as a host would have it.
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare(
      "INSERT INTO drops (id, title, currency, checkout_url, duration_sec, created_at, updated_at) VALUES (1, 'Mug', 'EUR', 'https://s/x', 60, ?, ?)",
    ).run(NOW, NOW);
    db.prepare(
      "INSERT INTO drop_tiers (id, drop_id, position, name, price_cents, units_total, units_sold) VALUES (1, 1, 0, 'Standard', 2500, 10, 2)",
    ).run();
    db.prepare(
      "INSERT INTO ledger_entries (at, kind, drop_id, tier_id, touchpoint_id, quantity, amount_cents, currency, source, external_id, created_at) VALUES (?, 'purchase', 1, 1, 1, 2, 5000, 'EUR', 'manual', 'm-1', ?)",
    ).run(NOW, NOW);
    migrate(db, MIGRATIONS.slice(0, 5));
  });
  afterEach(() => db.close());

  it('sets user_version 5, keeps existing rows, and gives them the new defaults', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT units_sold, units_held, units_oversold FROM drop_tiers').get()).toEqual({
      units_sold: 2,
      units_held: 0,
      units_oversold: 0,
    });
    expect(
      db
        .prepare(
          'SELECT holds_mode, holds_last_units, holds_ttl_sec, holds_per_visitor, restock_on_refund FROM drops',
        )
        .get(),
    ).toEqual({
      holds_mode: 'off',
      holds_last_units: 5,
      holds_ttl_sec: 600,
      holds_per_visitor: 3,
      restock_on_refund: 1,
    });
    expect(db.prepare('SELECT late, payment_ref, oversold FROM ledger_entries').get()).toEqual({
      late: 0,
      payment_ref: null,
      oversold: 0,
    });
  });

  it('creates its tables as STRICT', () => {
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name IN ('holds', 'redemption_codes', 'tier_external_ids', 'webhook_deliveries', 'webhook_log')",
      )
      .all();
    expect(tables.map((t) => t.name).sort()).toEqual(
      ['holds', 'redemption_codes', 'tier_external_ids', 'webhook_deliveries', 'webhook_log'].sort(),
    );
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('refuses unknown hold modes and statuses, and negative held counts', () => {
    expect(() => db.prepare("UPDATE drops SET holds_mode = 'sometimes'").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare('UPDATE drop_tiers SET units_held = -1').run()).toThrow(/CHECK constraint/);
    const hold = db.prepare(
      "INSERT INTO holds (ref, drop_id, tier_id, link_code, touchpoint_id, visitor_id, quantity, status, created_at, expires_at) VALUES (?, 1, 1, 'abc', 1, x'00', 1, ?, ?, ?)",
    );
    hold.run('h_1', 'active', NOW, NOW + 1000);
    expect(() => hold.run('h_2', 'lost', NOW, NOW + 1000)).toThrow(/CHECK constraint/);
    expect(() => hold.run('h_1', 'active', NOW, NOW + 1000)).toThrow(/UNIQUE constraint/);
  });

  it('maps one shop key to one tier, and dedups deliveries per source', () => {
    db.prepare("INSERT INTO tier_external_ids (kind, value, tier_id) VALUES ('sku', 'MUG-1', 1)").run();
    expect(() =>
      db.prepare("INSERT INTO tier_external_ids (kind, value, tier_id) VALUES ('sku', 'MUG-1', 1)").run(),
    ).toThrow(/UNIQUE constraint/);
    const delivery = db.prepare(
      'INSERT INTO webhook_deliveries (source, delivery_id, received_at) VALUES (?, ?, ?)',
    );
    delivery.run('shopify', 'w-1', NOW);
    delivery.run('stripe', 'w-1', NOW);
    expect(() => delivery.run('shopify', 'w-1', NOW)).toThrow(/UNIQUE constraint/);
  });
});
