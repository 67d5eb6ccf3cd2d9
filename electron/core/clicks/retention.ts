import type Database from 'better-sqlite3';

/** Orphan visits and bot clicks are kept this long; human clicks stay (they are the drop's history). */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;
/** Rows per sweep and table, so one sweep never holds the writer for long. */
const PER_SWEEP = 20_000;

/**
 * Keeps what nobody reads from growing without bound: orphan visits (typos, old screenshots, scripted
 * floods), their overflow counts and bot clicks, older than 30 days. The rollup keeps the numbers.
 */
export class Retention {
  private readonly sweepTx;

  constructor(db: Database.Database) {
    const orphans = db.prepare(
      `DELETE FROM orphan_visits WHERE id IN (SELECT id FROM orphan_visits WHERE at < ? ORDER BY at LIMIT ${PER_SWEEP})`,
    );
    const overflow = db.prepare('DELETE FROM orphan_overflow WHERE minute < ?');
    const bots = db.prepare(
      `DELETE FROM clicks WHERE id IN (SELECT id FROM clicks WHERE is_bot = 1 AND at < ? ORDER BY at LIMIT ${PER_SWEEP})`,
    );
    this.sweepTx = db.transaction(
      (before: number) =>
        orphans.run(before).changes + overflow.run(before).changes + bots.run(before).changes,
    );
  }

  /** Returns how many rows went; a store that fails now is tried again on the next sweep. */
  sweep(now: number): number {
    return this.sweepTx.immediate(now - RETENTION_MS);
  }
}
