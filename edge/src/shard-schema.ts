/** Each shard's tables. `seq` is AUTOINCREMENT so a cursor never sees a reused number after deletes. */
export const SHARD_SCHEMA = `
  CREATE TABLE IF NOT EXISTS links (
    code TEXT PRIMARY KEY,
    location TEXT NOT NULL,
    drop_id INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT;
  CREATE TABLE IF NOT EXISTS drops (
    id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    ends_at INTEGER,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL, at INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL, made_here INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS scans (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    at INTEGER NOT NULL,
    code TEXT NOT NULL,
    via TEXT NOT NULL,
    visitor_id BLOB NOT NULL,
    previous_id BLOB NOT NULL,
    bot INTEGER NOT NULL,
    outcome TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS nonces (nonce TEXT PRIMARY KEY, at INTEGER NOT NULL) STRICT;
`;
