import type { Migration } from '../migrate';

/**
 * The ledger's ingestion half (issue 8): money already taken is *posted* (never refused), so the
 * tiers learn to count units held for a checkout and units sold past the stock; drops get their hold
 * and refund policies; webhooks leave a log and a dedup trail; shop SKUs and variant ids map to tiers;
 * buyers at a POS get a short redemption code that joins their sale to their scan.
 */
export const migration005: Migration = {
  version: 5,
  name: '005-ledger-ingestion',
  up(db) {
    db.exec(`
      -- Available = units_total - units_sold - units_held. units_oversold counts units posted with no
      -- stock left (money already taken): the drop shows them instead of the sale being refused.
      ALTER TABLE drop_tiers ADD COLUMN units_held INTEGER NOT NULL DEFAULT 0 CHECK (units_held >= 0);
      ALTER TABLE drop_tiers ADD COLUMN units_oversold INTEGER NOT NULL DEFAULT 0 CHECK (units_oversold >= 0);

      ALTER TABLE drops ADD COLUMN holds_mode TEXT NOT NULL DEFAULT 'off'
        CHECK (holds_mode IN ('off', 'last_units', 'always'));
      ALTER TABLE drops ADD COLUMN holds_last_units INTEGER NOT NULL DEFAULT 5 CHECK (holds_last_units >= 1);
      ALTER TABLE drops ADD COLUMN holds_ttl_sec INTEGER NOT NULL DEFAULT 600 CHECK (holds_ttl_sec >= 30);
      ALTER TABLE drops ADD COLUMN holds_per_visitor INTEGER NOT NULL DEFAULT 3 CHECK (holds_per_visitor >= 1);
      ALTER TABLE drops ADD COLUMN restock_on_refund INTEGER NOT NULL DEFAULT 1
        CHECK (restock_on_refund IN (0, 1));

      -- Posted while the drop was no longer live (a late webhook): kept, and shown as such.
      ALTER TABLE ledger_entries ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));
      -- The source's payment handle a later refund names (Stripe payment intent, Shopify order id).
      ALTER TABLE ledger_entries ADD COLUMN payment_ref TEXT;
      CREATE INDEX ledger_by_payment_ref ON ledger_entries(source, payment_ref) WHERE payment_ref IS NOT NULL;

      -- A unit reserved for a buyer's checkout. 'active' holds count in drop_tiers.units_held.
      CREATE TABLE holds (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        drop_id INTEGER NOT NULL REFERENCES drops(id),
        tier_id INTEGER NOT NULL REFERENCES drop_tiers(id),
        link_code TEXT NOT NULL,
        touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id),
        visitor_id BLOB NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'converted', 'expired', 'released')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        settled_at INTEGER,
        ledger_entry_id INTEGER REFERENCES ledger_entries(id)
      ) STRICT;
      CREATE INDEX holds_active ON holds(expires_at) WHERE status = 'active';
      CREATE INDEX holds_by_visitor ON holds(drop_id, visitor_id);

      -- Shown on the buyer's phone after the scan, typed into the POS note: joins a POS sale to its scan.
      CREATE TABLE redemption_codes (
        code TEXT PRIMARY KEY,
        link_code TEXT NOT NULL,
        drop_id INTEGER NOT NULL REFERENCES drops(id),
        touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id),
        visitor_id BLOB NOT NULL,
        hold_id INTEGER REFERENCES holds(id),
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX redemption_by_visitor ON redemption_codes(drop_id, visitor_id, created_at);

      -- Which tier a shop's line item is: by SKU, Shopify variant id or Stripe price id.
      CREATE TABLE tier_external_ids (
        kind TEXT NOT NULL CHECK (kind IN ('sku', 'shopify_variant', 'stripe_price')),
        value TEXT NOT NULL,
        tier_id INTEGER NOT NULL REFERENCES drop_tiers(id) ON DELETE CASCADE,
        PRIMARY KEY (kind, value)
      ) STRICT, WITHOUT ROWID;

      -- Deliveries already handled (Shopify's X-Shopify-Webhook-Id, Stripe's event id).
      CREATE TABLE webhook_deliveries (
        source TEXT NOT NULL,
        delivery_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (source, delivery_id)
      ) STRICT, WITHOUT ROWID;

      -- One row per delivery, accepted or not: the panel's counters and the host's paper trail.
      CREATE TABLE webhook_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        source TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'ignored', 'rejected')),
        event_type TEXT,
        delivery_id TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX webhook_log_by_source ON webhook_log(source, outcome);
    `);
  },
};
