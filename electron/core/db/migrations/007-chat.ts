import type { Migration } from '../migrate';

/**
 * The hybrid-audience chat (issue 10): messages from every source (venue, stream page, Twitch…) with
 * their moderation state, timed mutes, the claims that tie a chat sender to the link they bought
 * through (recognition joins them to the ledger), vanity paths for audio shows, leaderboard opt-ins,
 * and the `chat` and `audio` touchpoints that chat- and audio-driven sales are attributed to.
 */
export const migration007: Migration = {
  version: 7,
  name: '007-chat',
  up(db) {
    db.exec(`
      CREATE TABLE chat_messages (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('viewer', 'host', 'announcement', 'reply')),
        -- Where it was said: venue (room QR), stream (viewer page from the stream), remote, twitch…
        source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 20),
        -- web:<hash of the page's session> or <platform>:<nick>; NULL for DropDeck itself.
        sender_key TEXT,
        display_name TEXT NOT NULL,
        body TEXT NOT NULL CHECK (length(body) <= 1000),
        drop_id INTEGER,
        deleted_at INTEGER,
        deleted_by TEXT
      ) STRICT;
      CREATE INDEX chat_messages_by_at ON chat_messages(at);
      CREATE INDEX chat_messages_by_sender ON chat_messages(sender_key, at) WHERE sender_key IS NOT NULL;

      CREATE TABLE chat_mutes (
        sender_key TEXT PRIMARY KEY,
        until INTEGER NOT NULL,
        muted_by TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- One row per !claim: the per-claim link code is what the ledger's purchase carries.
      CREATE TABLE chat_claims (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        sender_key TEXT NOT NULL,
        drop_id INTEGER NOT NULL,
        link_code TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX chat_claims_by_sender ON chat_claims(sender_key);
      -- Recognition joins purchases to claims by link code.
      CREATE INDEX IF NOT EXISTS ledger_by_link_code ON ledger_entries(link_code) WHERE link_code IS NOT NULL;

      CREATE TABLE chat_vanity_paths (
        path TEXT PRIMARY KEY CHECK (path GLOB '[a-z0-9]*' AND length(path) BETWEEN 2 AND 30),
        drop_id INTEGER NOT NULL REFERENCES drops(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Only senders who asked to be on the leaderboard are ever shown there.
      CREATE TABLE chat_leaderboard_optins (
        sender_key TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      INSERT OR IGNORE INTO touchpoints (key, kind, label, audience, on_stream, created_at)
        VALUES ('chat', 'social', 'Chat', 'public', 0, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
               ('audio', 'other', 'Audio show (spoken path)', 'public', 0, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    `);
  },
};
