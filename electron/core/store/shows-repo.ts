import type Database from 'better-sqlite3';
import type { Show } from '../../../shared/insights/shows';

interface ShowRow {
  id: number;
  name: string;
  starts_at: number | null;
  ends_at: number | null;
  created_at: number;
}

export interface SplitShareRow {
  drop_id: number | null;
  creator: string;
  basis_points: number;
  position: number;
}

export interface ShowCostRow {
  touchpoint_id: number;
  touchpoint: string;
  amount_cents: number;
  currency: string;
  note: string | null;
}

/** Shows, their drops, touchpoint costs and creator splits (`shows`, `show_costs`, `split_shares`). */
export class ShowsRepo {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly byIdStmt;
  private readonly allStmt;
  private readonly dropIdsStmt;
  private readonly setDropShowStmt;
  private readonly dropShowStmt;
  private readonly costsStmt;
  private readonly upsertCostStmt;
  private readonly splitsStmt;
  private readonly deleteSplitsStmt;
  private readonly insertSplitStmt;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO shows (name, starts_at, ends_at, created_at) VALUES (?, ?, ?, ?)',
    );
    this.updateStmt = db.prepare('UPDATE shows SET name = ?, starts_at = ?, ends_at = ? WHERE id = ?');
    this.byIdStmt = db.prepare<[number], ShowRow>('SELECT * FROM shows WHERE id = ?');
    this.allStmt = db.prepare<[], ShowRow>('SELECT * FROM shows ORDER BY id DESC');
    this.dropIdsStmt = db.prepare<[number], { id: number }>(
      'SELECT id FROM drops WHERE show_id = ? ORDER BY id',
    );
    this.setDropShowStmt = db.prepare('UPDATE drops SET show_id = ? WHERE id = ?');
    this.dropShowStmt = db.prepare<[number], { show_id: number | null }>(
      'SELECT show_id FROM drops WHERE id = ?',
    );
    this.costsStmt = db.prepare<[number], ShowCostRow>(`
      SELECT c.touchpoint_id, t.key AS touchpoint, c.amount_cents, c.currency, c.note
      FROM show_costs c JOIN touchpoints t ON t.id = c.touchpoint_id WHERE c.show_id = ? ORDER BY t.key`);
    this.upsertCostStmt = db.prepare(`
      INSERT INTO show_costs (show_id, touchpoint_id, amount_cents, currency, note, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (show_id, touchpoint_id) DO UPDATE SET amount_cents = excluded.amount_cents,
        currency = excluded.currency, note = excluded.note, updated_at = excluded.updated_at`);
    this.splitsStmt = db.prepare<[number], SplitShareRow>(
      'SELECT drop_id, creator, basis_points, position FROM split_shares WHERE show_id = ? ORDER BY coalesce(drop_id, 0), position',
    );
    this.deleteSplitsStmt = db.prepare('DELETE FROM split_shares WHERE show_id = ? AND drop_id IS ?');
    this.insertSplitStmt = db.prepare(
      'INSERT INTO split_shares (show_id, drop_id, creator, basis_points, position, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  insert(name: string, startsAt: number | null, endsAt: number | null, now: number): number {
    return Number(this.insertStmt.run(name, startsAt, endsAt, now).lastInsertRowid);
  }

  update(id: number, name: string, startsAt: number | null, endsAt: number | null): void {
    this.updateStmt.run(name, startsAt, endsAt, id);
  }

  row(id: number): ShowRow | undefined {
    return this.byIdStmt.get(id);
  }

  get(id: number): Show | null {
    const r = this.byIdStmt.get(id);
    return r ? this.toShow(r) : null;
  }

  list(): Show[] {
    return this.allStmt.all().map((r) => this.toShow(r));
  }

  dropIds(showId: number): number[] {
    return this.dropIdsStmt.all(showId).map((r) => r.id);
  }

  /** undefined: no such drop; null: a drop in no show. */
  showOfDrop(dropId: number): number | null | undefined {
    const r = this.dropShowStmt.get(dropId);
    return r ? r.show_id : undefined;
  }

  setDropShow(dropId: number, showId: number | null): void {
    this.setDropShowStmt.run(showId, dropId);
  }

  costs(showId: number): ShowCostRow[] {
    return this.costsStmt.all(showId);
  }

  setCost(
    showId: number,
    touchpointId: number,
    amountCents: number,
    currency: string,
    note: string | null,
    now: number,
  ): void {
    this.upsertCostStmt.run(showId, touchpointId, amountCents, currency, note, now);
  }

  splits(showId: number): SplitShareRow[] {
    return this.splitsStmt.all(showId);
  }

  replaceSplits(
    showId: number,
    dropId: number | null,
    shares: Array<{ creator: string; basisPoints: number }>,
    now: number,
  ): void {
    this.deleteSplitsStmt.run(showId, dropId);
    shares.forEach((s, i) => this.insertSplitStmt.run(showId, dropId, s.creator, s.basisPoints, i, now));
  }

  private toShow(r: ShowRow): Show {
    return {
      id: r.id,
      name: r.name,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      createdAt: r.created_at,
      dropIds: this.dropIds(r.id),
      costs: this.costs(r.id).map((c) => ({
        touchpoint: c.touchpoint,
        amountCents: c.amount_cents,
        currency: c.currency,
        note: c.note,
      })),
      splits: this.splits(r.id).map((s) => ({
        dropId: s.drop_id,
        creator: s.creator,
        basisPoints: s.basis_points,
        percent: s.basis_points / 100,
      })),
    };
  }
}
