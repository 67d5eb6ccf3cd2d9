import type { Migration } from '../migrate';

/**
 * What the sales ledger (issue 8) stands on: shows that group drops, and a ledger that can hold money
 * already taken for orders that belong to no drop (late webhooks, shop orders), joined to the scan
 * that brought the buyer. `ledger_entries` is rebuilt (SQLite cannot drop NOT NULL in place).
 *
 * Sign convention, for every reader: a refund has negative `amount_cents` and negative `quantity`
 * (units given back), so net revenue is SUM(amount_cents) and net units SUM(quantity).
 */
export const migration003: Migration = {
  version: 3,
  name: '003-ledger-foundation',
  up(db) {
    db.exec(`
      CREATE TABLE shows (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        starts_at INTEGER,
        ends_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE drops ADD COLUMN show_id INTEGER REFERENCES shows(id);
      CREATE INDEX drops_by_show ON drops(show_id) WHERE show_id IS NOT NULL;

      CREATE TABLE ledger_entries_next (
        id INTEGER PRIMARY KEY,
        -- When it happened at the source (payment time), which may be long before it reached us.
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('purchase', 'refund', 'adjustment')),
        drop_id INTEGER REFERENCES drops(id),
        tier_id INTEGER REFERENCES drop_tiers(id),
        touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id),
        link_code TEXT,
        -- The visitor id of the scan this sale joined (by hold, link ref or redemption code), if any.
        visitor_id BLOB,
        -- A keyed hash of the buyer's e-mail where the source gives one: a journey across days.
        email_hash BLOB,
        quantity INTEGER NOT NULL,
        amount_cents INTEGER NOT NULL,
        currency TEXT NOT NULL,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        buyer_ref TEXT,
        buyer_display TEXT,
        related_entry_id INTEGER REFERENCES ledger_entries(id),
        -- Posted although the stock was gone (money already taken): shown on the drop, never refused.
        oversold INTEGER NOT NULL DEFAULT 0 CHECK (oversold IN (0, 1)),
        -- When DropDeck recorded it.
        created_at INTEGER NOT NULL,
        UNIQUE (source, external_id)
      ) STRICT;
      INSERT INTO ledger_entries_next (id, at, kind, drop_id, tier_id, touchpoint_id, link_code, quantity,
        amount_cents, currency, source, external_id, buyer_ref, buyer_display, related_entry_id, created_at)
      SELECT id, at, kind, drop_id, tier_id, touchpoint_id, link_code, quantity, amount_cents, currency, source,
        external_id, buyer_ref, buyer_display, related_entry_id, created_at FROM ledger_entries;
      DROP TABLE ledger_entries;
      ALTER TABLE ledger_entries_next RENAME TO ledger_entries;
      CREATE INDEX ledger_by_drop ON ledger_entries(drop_id, at);
      CREATE INDEX ledger_by_buyer ON ledger_entries(buyer_ref, drop_id) WHERE buyer_ref IS NOT NULL;
      CREATE INDEX ledger_by_time ON ledger_entries(at);
      CREATE INDEX ledger_by_related ON ledger_entries(related_entry_id) WHERE related_entry_id IS NOT NULL;
    `);
  },
};
