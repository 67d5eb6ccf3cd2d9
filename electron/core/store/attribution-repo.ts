import type Database from 'better-sqlite3';
import type { AttributionModel } from '../../../shared/insights/attribution';

export interface CreditRow {
  model: AttributionModel;
  entryId: number;
  touchpointId: number;
  showId: number;
  dropId: number | null;
  weight: number;
  conversions: number;
  revenueCents: number;
  currency: string;
  touches: number;
}

export interface CreditTotal {
  model: AttributionModel;
  touchpoint: string;
  label: string;
  creator: string | null;
  currency: string;
  conversions: number;
  revenueCents: number;
}

export interface CreditExportRow {
  model: string;
  entry_id: number;
  drop_id: number | null;
  touchpoint: string;
  weight: number;
  conversions: number;
  revenue_cents: number;
  currency: string;
  touches: number;
}

/** The derived attribution table (`attribution_credits`, `attribution_runs`). Callers own transactions. */
export class AttributionRepo {
  private readonly deleteShowStmt;
  private readonly insertStmt;
  private readonly upsertRunStmt;
  private readonly runStmt;
  private readonly totalsStmt;
  private readonly exportStmt;

  constructor(db: Database.Database) {
    this.deleteShowStmt = db.prepare('DELETE FROM attribution_credits WHERE show_id = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO attribution_credits (model, entry_id, touchpoint_id, show_id, drop_id, weight, conversions,
        revenue_cents, currency, touches)
      VALUES (@model, @entryId, @touchpointId, @showId, @dropId, @weight, @conversions, @revenueCents,
        @currency, @touches)`);
    this.upsertRunStmt = db.prepare(`
      INSERT INTO attribution_runs (show_id, fingerprint, entries, rebuilt_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (show_id) DO UPDATE SET fingerprint = excluded.fingerprint, entries = excluded.entries,
        rebuilt_at = excluded.rebuilt_at`);
    this.runStmt = db.prepare<[number], { fingerprint: string; entries: number; rebuilt_at: number }>(
      'SELECT fingerprint, entries, rebuilt_at FROM attribution_runs WHERE show_id = ?',
    );
    this.totalsStmt = db.prepare<[number], CreditTotal>(`
      SELECT a.model, t.key AS touchpoint, t.label, t.creator, a.currency,
             sum(a.conversions) AS conversions, sum(a.revenue_cents) AS revenueCents
      FROM attribution_credits a JOIN touchpoints t ON t.id = a.touchpoint_id
      WHERE a.show_id = ? GROUP BY a.model, a.touchpoint_id, a.currency ORDER BY a.model, t.key, a.currency`);
    this.exportStmt = db.prepare<[number], CreditExportRow>(`
      SELECT a.model, a.entry_id, a.drop_id, t.key AS touchpoint, a.weight, a.conversions, a.revenue_cents,
             a.currency, a.touches
      FROM attribution_credits a JOIN touchpoints t ON t.id = a.touchpoint_id
      WHERE a.show_id = ? ORDER BY a.model, a.entry_id, t.key`);
  }

  clearShow(showId: number): void {
    this.deleteShowStmt.run(showId);
  }

  insert(row: CreditRow): void {
    this.insertStmt.run(row);
  }

  saveRun(showId: number, fingerprint: string, entries: number, at: number): void {
    this.upsertRunStmt.run(showId, fingerprint, entries, at);
  }

  run(showId: number): { fingerprint: string; entries: number; rebuilt_at: number } | undefined {
    return this.runStmt.get(showId);
  }

  totals(showId: number): CreditTotal[] {
    return this.totalsStmt.all(showId);
  }

  exportRows(showId: number): CreditExportRow[] {
    return this.exportStmt.all(showId);
  }
}
