import type { Migration } from '../migrate';

/**
 * The first schema. Money is integer cents, times are epoch ms (INTEGER), every table is STRICT.
 * `minute_stats` is a rollup kept in the same transaction as each click and sale, so per-minute stats
 * stay fast however long the click history grows.
 */
export const migration001: Migration = {
  version: 1,
  name: '001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE product_variants (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('digital', 'physical', 'bundle')),
        sku TEXT,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        UNIQUE (product_id, name)
      ) STRICT;

      CREATE TABLE drops (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        product_id INTEGER REFERENCES products(id),
        currency TEXT NOT NULL,
        checkout_url TEXT NOT NULL,
        duration_sec INTEGER NOT NULL CHECK (duration_sec > 0),
        state TEXT NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'scheduled', 'live', 'sold_out', 'ended')),
        early_access_sec INTEGER NOT NULL DEFAULT 0,
        per_buyer_cap INTEGER,
        link_rotation_sec INTEGER,
        obs_actions TEXT,
        scheduled_at INTEGER,
        started_at INTEGER,
        ends_at INTEGER,
        ended_at INTEGER,
        ended_reason TEXT,
        last_minute_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX drops_by_state ON drops(state, scheduled_at);

      -- Every drop has at least one tier; a drop's stock and sold counts are sums over its tiers.
      CREATE TABLE drop_tiers (
        id INTEGER PRIMARY KEY,
        drop_id INTEGER NOT NULL REFERENCES drops(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        variant_id INTEGER REFERENCES product_variants(id),
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        units_total INTEGER NOT NULL CHECK (units_total >= 0),
        units_sold INTEGER NOT NULL DEFAULT 0 CHECK (units_sold >= 0),
        CHECK (units_sold <= units_total),
        UNIQUE (drop_id, position)
      ) STRICT;

      CREATE TABLE touchpoints (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        creator TEXT,
        audience TEXT NOT NULL DEFAULT 'public' CHECK (audience IN ('public', 'members')),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE links (
        code TEXT PRIMARY KEY,
        drop_id INTEGER NOT NULL REFERENCES drops(id) ON DELETE CASCADE,
        touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        created_by TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX links_by_drop ON links(drop_id, touchpoint_id, created_at);

      -- No IP and no user agent are stored: visitor_id is a keyed hash under a salt deleted after 48 h.
      CREATE TABLE clicks (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        link_code TEXT NOT NULL,
        drop_id INTEGER NOT NULL,
        touchpoint_id INTEGER NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('qr', 'link')),
        visitor_id BLOB NOT NULL,
        is_unique INTEGER NOT NULL CHECK (is_unique IN (0, 1)),
        is_bot INTEGER NOT NULL CHECK (is_bot IN (0, 1))
      ) STRICT;
      -- One index, and it only grows at its end: a burst of scans dirties few pages per commit.
      -- (Dedup runs in memory, warmed at start from the last hour of the drops scanned lately.)
      CREATE INDEX clicks_by_drop ON clicks(drop_id, at);

      CREATE TABLE orphan_visits (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('unknown', 'expired', 'revoked')),
        is_bot INTEGER NOT NULL CHECK (is_bot IN (0, 1))
      ) STRICT;
      CREATE INDEX orphan_visits_by_time ON orphan_visits(at);

      CREATE TABLE visitor_salts (
        day TEXT PRIMARY KEY,
        salt BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Purchases, refunds and adjustments. Idempotent on (source, external_id).
      CREATE TABLE ledger_entries (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('purchase', 'refund', 'adjustment')),
        drop_id INTEGER NOT NULL REFERENCES drops(id),
        tier_id INTEGER NOT NULL REFERENCES drop_tiers(id),
        touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id),
        link_code TEXT,
        quantity INTEGER NOT NULL,
        amount_cents INTEGER NOT NULL,
        currency TEXT NOT NULL,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        buyer_ref TEXT,
        buyer_display TEXT,
        related_entry_id INTEGER REFERENCES ledger_entries(id),
        created_at INTEGER NOT NULL,
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX ledger_by_drop ON ledger_entries(drop_id, at);
      CREATE INDEX ledger_by_buyer ON ledger_entries(buyer_ref, drop_id) WHERE buyer_ref IS NOT NULL;

      CREATE TABLE inventory_movements (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        drop_id INTEGER NOT NULL REFERENCES drops(id),
        tier_id INTEGER NOT NULL REFERENCES drop_tiers(id),
        delta INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('initial', 'sale', 'refund', 'restock', 'adjustment')),
        ledger_entry_id INTEGER REFERENCES ledger_entries(id),
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inventory_by_tier ON inventory_movements(tier_id, at);

      CREATE TABLE minute_stats (
        drop_id INTEGER NOT NULL,
        minute INTEGER NOT NULL,
        touchpoint_id INTEGER NOT NULL,
        clicks INTEGER NOT NULL DEFAULT 0,
        unique_clicks INTEGER NOT NULL DEFAULT 0,
        qr_scans INTEGER NOT NULL DEFAULT 0,
        bot_clicks INTEGER NOT NULL DEFAULT 0,
        sales INTEGER NOT NULL DEFAULT 0,
        units INTEGER NOT NULL DEFAULT 0,
        revenue_cents INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (drop_id, minute, touchpoint_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_by_subject ON audit_log(subject_type, subject_id, at);
    `);

    // Touchpoints a host has on day one; more can be added over the API.
    const now = Date.now();
    const seed = db.prepare(
      'INSERT INTO touchpoints (key, kind, label, audience, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const [key, kind, label, audience] of [
      ['direct', 'direct', 'Direct / unattributed', 'public'],
      ['stream', 'stream_qr', 'Stream QR', 'public'],
      ['venue', 'venue_qr', 'Venue QR', 'public'],
      ['nfc', 'venue_nfc', 'Venue NFC tag', 'public'],
      ['dm', 'creator_dm', 'Creator DM link', 'public'],
      ['email', 'email', 'E-mail', 'public'],
      ['members', 'email', 'Members early access', 'members'],
    ] as const) {
      seed.run(key, kind, label, audience, now);
    }
  },
};
