import type Database from 'better-sqlite3';
import type { ChatKind } from '../../../shared/chat-events';

export interface ChatMessageRow {
  id: number;
  at: number;
  kind: ChatKind;
  source: string;
  sender_key: string | null;
  display_name: string;
  body: string;
  drop_id: number | null;
  deleted_at: number | null;
}

export type NewChatMessage = Omit<ChatMessageRow, 'id' | 'deleted_at'>;

/** Chat messages, mutes, claims, vanity paths and leaderboard opt-ins (migration 007). */
export class ChatRepo {
  private readonly insertStmt;
  private readonly recentStmt;
  private readonly getStmt;
  private readonly deleteStmt;
  private readonly purgeStmt;
  private readonly muteStmt;
  private readonly muteGetStmt;
  private readonly claimStmt;
  private readonly vanitySetStmt;
  private readonly vanityGetStmt;
  private readonly optinStmt;
  private readonly countStmt;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare<NewChatMessage>(
      `INSERT INTO chat_messages (at, kind, source, sender_key, display_name, body, drop_id)
       VALUES (@at, @kind, @source, @sender_key, @display_name, @body, @drop_id)`,
    );
    this.recentStmt = db.prepare<[number], ChatMessageRow>(
      `SELECT * FROM (SELECT id, at, kind, source, sender_key, display_name, body, drop_id, deleted_at
         FROM chat_messages WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?) ORDER BY id`,
    );
    this.getStmt = db.prepare<[number], ChatMessageRow>(
      `SELECT id, at, kind, source, sender_key, display_name, body, drop_id, deleted_at
         FROM chat_messages WHERE id = ?`,
    );
    this.deleteStmt = db.prepare<[number, string, number]>(
      'UPDATE chat_messages SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL',
    );
    this.purgeStmt = db.prepare<[number]>('DELETE FROM chat_messages WHERE at < ?');
    this.muteStmt = db.prepare<[string, number, string, number]>(
      `INSERT INTO chat_mutes (sender_key, until, muted_by, at) VALUES (?, ?, ?, ?)
       ON CONFLICT(sender_key) DO UPDATE SET until = excluded.until, muted_by = excluded.muted_by, at = excluded.at`,
    );
    this.muteGetStmt = db.prepare<[string], { until: number }>(
      'SELECT until FROM chat_mutes WHERE sender_key = ?',
    );
    this.claimStmt = db.prepare<[number, string, number, string]>(
      'INSERT INTO chat_claims (at, sender_key, drop_id, link_code) VALUES (?, ?, ?, ?)',
    );
    this.vanitySetStmt = db.prepare<[string, number, number]>(
      `INSERT INTO chat_vanity_paths (path, drop_id, created_at) VALUES (?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET drop_id = excluded.drop_id, created_at = excluded.created_at`,
    );
    this.vanityGetStmt = db.prepare<[string], { drop_id: number }>(
      'SELECT drop_id FROM chat_vanity_paths WHERE path = ?',
    );
    this.optinStmt = db.prepare<[string, string, number]>(
      `INSERT INTO chat_leaderboard_optins (sender_key, display_name, at) VALUES (?, ?, ?)
       ON CONFLICT(sender_key) DO UPDATE SET display_name = excluded.display_name, at = excluded.at`,
    );
    this.countStmt = db.prepare<[string], { n: number }>(
      "SELECT COUNT(*) AS n FROM chat_messages WHERE sender_key = ? AND kind = 'viewer' AND deleted_at IS NULL",
    );
  }

  insert(row: NewChatMessage): number {
    return Number(this.insertStmt.run(row).lastInsertRowid);
  }

  /** The last `limit` visible messages, oldest first. */
  recent(limit: number): ChatMessageRow[] {
    return this.recentStmt.all(limit);
  }

  get(id: number): ChatMessageRow | undefined {
    return this.getStmt.get(id);
  }

  markDeleted(id: number, by: string, at: number): boolean {
    return this.deleteStmt.run(at, by, id).changes > 0;
  }

  purgeBefore(at: number): number {
    return this.purgeStmt.run(at).changes;
  }

  mute(senderKey: string, until: number, by: string, at: number): void {
    this.muteStmt.run(senderKey, until, by, at);
  }

  mutedUntil(senderKey: string): number | null {
    return this.muteGetStmt.get(senderKey)?.until ?? null;
  }

  recordClaim(at: number, senderKey: string, dropId: number, linkCode: string): void {
    this.claimStmt.run(at, senderKey, dropId, linkCode);
  }

  setVanity(path: string, dropId: number, at: number): void {
    this.vanitySetStmt.run(path, dropId, at);
  }

  vanityDrop(path: string): number | null {
    return this.vanityGetStmt.get(path)?.drop_id ?? null;
  }

  optIn(senderKey: string, displayName: string, at: number): void {
    this.optinStmt.run(senderKey, displayName, at);
  }

  viewerMessageCount(senderKey: string): number {
    return this.countStmt.get(senderKey)?.n ?? 0;
  }
}
