import type Database from 'better-sqlite3';
import type { ChatBadge, LeaderboardRow } from '../../../shared/chat-events';

/** How many of a drop's first purchases earn the "first buyer" badge. */
export const FIRST_BUYERS = 3;
/** Points per unit bought through a chat claim (net of refunds), and per chat message (capped). */
export const POINTS_PER_UNIT = 10;
export const POINTS_PER_MESSAGE = 1;
export const MESSAGE_POINTS_CAP = 50;
const LEADERBOARD_SIZE = 5;

/**
 * Micro-recognition straight from the ledger: a chat sender is tied to purchases only through the
 * claims they made (their own per-claim link code → `ledger_entries.link_code`), so a badge means a
 * purchase the ledger verified, never something a viewer typed. Everything is derived on read, so a
 * refund or a ledger rebuild changes the badges with it.
 */
export class Recognition {
  private readonly unitsStmt;
  private readonly firstStmt;
  private readonly dropsStmt;
  private readonly optinsStmt;
  private readonly messagesStmt;
  private readonly totalsStmt;

  constructor(db: Database.Database) {
    const claimed = `FROM chat_claims c JOIN ledger_entries l ON l.link_code = c.link_code WHERE c.sender_key = ?`;
    this.unitsStmt = db.prepare<[string], { units: number | null }>(
      `SELECT SUM(l.quantity) AS units ${claimed}`,
    );
    this.firstStmt = db.prepare<[string, number], { hit: number }>(
      `SELECT 1 AS hit ${claimed} AND l.kind = 'purchase' AND l.drop_id IS NOT NULL
         AND (SELECT COUNT(*) FROM ledger_entries e
               WHERE e.drop_id = l.drop_id AND e.kind = 'purchase' AND e.id < l.id) < ?
       LIMIT 1`,
    );
    this.dropsStmt = db.prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT l.drop_id ${claimed} GROUP BY l.drop_id HAVING SUM(l.quantity) > 0)`,
    );
    this.optinsStmt = db.prepare<[], { sender_key: string; display_name: string }>(
      'SELECT sender_key, display_name FROM chat_leaderboard_optins',
    );
    this.messagesStmt = db.prepare<[string], { n: number }>(
      "SELECT COUNT(*) AS n FROM chat_messages WHERE sender_key = ? AND kind = 'viewer' AND deleted_at IS NULL",
    );
    this.totalsStmt = db.prepare<[number], { units: number | null; buyers: number }>(
      `SELECT SUM(quantity) AS units,
              COUNT(DISTINCT CASE WHEN kind = 'purchase'
                THEN COALESCE(hex(email_hash), buyer_ref, 'entry:' || id) END) AS buyers
         FROM ledger_entries WHERE drop_id = ?`,
    );
  }

  verifiedUnits(senderKey: string): number {
    return this.unitsStmt.get(senderKey)?.units ?? 0;
  }

  badges(senderKey: string | null): ChatBadge[] {
    if (senderKey === null) return [];
    const out: ChatBadge[] = [];
    if (this.verifiedUnits(senderKey) > 0) out.push({ id: 'verified', label: 'Verified buyer' });
    if (this.firstStmt.get(senderKey, FIRST_BUYERS)) out.push({ id: 'first', label: 'First buyer' });
    if ((this.dropsStmt.get(senderKey)?.n ?? 0) >= 2) out.push({ id: 'repeat', label: 'Repeat buyer' });
    return out;
  }

  points(senderKey: string): number {
    const units = Math.max(0, this.verifiedUnits(senderKey));
    const messages = Math.min(MESSAGE_POINTS_CAP, this.messagesStmt.get(senderKey)?.n ?? 0);
    return units * POINTS_PER_UNIT + messages * POINTS_PER_MESSAGE;
  }

  /** Top supporters among those who opted in; display names only. */
  leaderboard(limit = LEADERBOARD_SIZE): LeaderboardRow[] {
    return this.optinsStmt
      .all()
      .map((o) => ({ displayName: o.display_name, points: this.points(o.sender_key) }))
      .filter((r) => r.points > 0)
      .sort((a, b) => b.points - a.points || a.displayName.localeCompare(b.displayName))
      .slice(0, limit);
  }

  /** Net units and distinct buyers of a drop, from the ledger (for the announcer's numbers). */
  dropTotals(dropId: number): { units: number; buyers: number } {
    const row = this.totalsStmt.get(dropId);
    return { units: row?.units ?? 0, buyers: row?.buyers ?? 0 };
  }
}
