import type { Migration } from '../migrate';

/**
 * Scans that arrive from the edge relay. Each carries the relay's id, so ingesting a batch twice
 * changes nothing (`UNIQUE (source, edge_id)`); local scans have no edge id and stay out of that
 * index, so the laptop's own scan path pays nothing for it. Cursors (one per relay shard) advance in
 * the same transaction as the rows they cover. Orphan visits past a per-minute cap are only counted.
 */
export const migration004: Migration = {
  version: 4,
  name: '004-relay-ingest',
  up(db) {
    db.exec(`
      ALTER TABLE clicks ADD COLUMN source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'relay'));
      ALTER TABLE clicks ADD COLUMN edge_id TEXT;
      CREATE UNIQUE INDEX clicks_by_edge_id ON clicks(source, edge_id) WHERE edge_id IS NOT NULL;

      ALTER TABLE orphan_visits ADD COLUMN source TEXT NOT NULL DEFAULT 'local'
        CHECK (source IN ('local', 'relay'));
      ALTER TABLE orphan_visits ADD COLUMN edge_id TEXT;
      CREATE UNIQUE INDEX orphan_visits_by_edge_id ON orphan_visits(source, edge_id) WHERE edge_id IS NOT NULL;

      -- Bot rows are swept after 30 days: the index keeps that sweep off the full table.
      CREATE INDEX clicks_bots_by_time ON clicks(at) WHERE is_bot = 1;

      -- Orphan visits beyond the per-minute cap: counted, not stored one by one.
      CREATE TABLE orphan_overflow (
        minute INTEGER PRIMARY KEY,
        visits INTEGER NOT NULL CHECK (visits >= 0)
      ) STRICT;

      CREATE TABLE relay_cursors (
        shard INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        synced_at INTEGER NOT NULL
      ) STRICT;

      -- What the publisher already handed to the relay (e.g. 'links' → newest change time sent).
      CREATE TABLE relay_marks (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
