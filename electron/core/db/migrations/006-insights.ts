import type { Migration } from '../migrate';

/**
 * The insights half of issue 8: what a show costs per touchpoint, how its net revenue splits between
 * creators, and attribution credits — a table DERIVED from clicks and ledger entries (rebuilt per show
 * whenever its facts change), never a source of truth.
 */
export const migration006: Migration = {
  version: 6,
  name: '006-insights',
  up(db) {
    db.exec(`
      -- What a touchpoint cost for one show (printing the venue QR, a creator's fee), for CPA.
      CREATE TABLE show_costs (
        show_id INTEGER NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        currency TEXT NOT NULL,
        note TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (show_id, touchpoint_id)
      ) STRICT, WITHOUT ROWID;

      -- Creator co-op shares in basis points (1/100 of a percent). drop_id NULL: the show-wide split,
      -- used for every drop of the show without a split of its own. What is not shared stays the host's.
      CREATE TABLE split_shares (
        id INTEGER PRIMARY KEY,
        show_id INTEGER NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        drop_id INTEGER REFERENCES drops(id),
        creator TEXT NOT NULL,
        basis_points INTEGER NOT NULL CHECK (basis_points > 0 AND basis_points <= 10000),
        position INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX split_shares_unique ON split_shares(show_id, coalesce(drop_id, 0), creator);

      -- Credit per attribution model, ledger entry and touchpoint. Derived: DELETE and rebuild at will.
      CREATE TABLE attribution_credits (
        model TEXT NOT NULL CHECK (model IN ('last_touch', 'first_touch', 'linear', 'time_decay')),
        entry_id INTEGER NOT NULL,
        touchpoint_id INTEGER NOT NULL,
        show_id INTEGER NOT NULL,
        drop_id INTEGER,
        -- Share of the entry credited to this touchpoint (0..1]; an entry's weights sum to 1.
        weight REAL NOT NULL,
        -- weight for purchases, 0 for refunds and adjustments (they move money, not conversions).
        conversions REAL NOT NULL,
        -- The entry's amount times weight, rounded by largest remainder so an entry's cents add up.
        revenue_cents INTEGER NOT NULL,
        currency TEXT NOT NULL,
        -- Clicks in the journey behind this entry (0: credited to the ledger's own touchpoint).
        touches INTEGER NOT NULL,
        PRIMARY KEY (model, entry_id, touchpoint_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attribution_by_show ON attribution_credits(show_id, model);

      -- When a show's credits were last derived, and from which facts: a changed fingerprint means stale.
      CREATE TABLE attribution_runs (
        show_id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        entries INTEGER NOT NULL,
        rebuilt_at INTEGER NOT NULL
      ) STRICT;

      -- Identity lookups (journeys across days, repeat purchases, households).
      CREATE INDEX ledger_by_email ON ledger_entries(email_hash, at) WHERE email_hash IS NOT NULL;
      CREATE INDEX shows_by_window ON shows(starts_at, ends_at) WHERE starts_at IS NOT NULL;
    `);
  },
};
