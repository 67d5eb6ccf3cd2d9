import type { Migration } from '../migrate';

/**
 * Devices and roles (issue 7): paired devices with hashed tokens, one-time pairing codes (also the
 * start-up login link), the device behind each audit row, and which touchpoints overlays may show.
 */
export const migration002: Migration = {
  version: 2,
  name: '002-devices',
  up(db) {
    db.exec(`
      -- A token is shown once, at pairing; only its SHA-256 is kept.
      CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('host', 'cohost')),
        token_hash BLOB NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        last_seen_at INTEGER,
        revoked_at INTEGER
      ) STRICT;

      -- Single use, short-lived. Also only hashed: a copy of the database pairs nobody.
      CREATE TABLE pairing_codes (
        code_hash BLOB PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('host', 'cohost')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        used_at INTEGER,
        device_id INTEGER REFERENCES devices(id)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE audit_log ADD COLUMN device_id INTEGER REFERENCES devices(id);
      CREATE INDEX audit_by_device ON audit_log(device_id, id) WHERE device_id IS NOT NULL;
      CREATE INDEX audit_by_action ON audit_log(action, id);

      ALTER TABLE touchpoints ADD COLUMN on_stream INTEGER NOT NULL DEFAULT 0 CHECK (on_stream IN (0, 1));
      UPDATE touchpoints SET on_stream = 1 WHERE key = 'stream' AND audience = 'public' AND creator IS NULL;
    `);
  },
};
