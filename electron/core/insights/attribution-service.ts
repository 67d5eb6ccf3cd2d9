import type Database from 'better-sqlite3';
import {
  ATTRIBUTION_MODELS,
  TIME_DECAY_HALF_LIFE_MS,
  type Attribution,
  type AttributionModel,
} from '../../../shared/insights/attribution';
import type { Clock } from '../clock';
import type { AttributionRepo } from '../store/attribution-repo';
import type { FactEntry, ShowFactsRepo } from '../store/show-facts-repo';
import { creditWeights } from './attribution-models';
import { JourneyBuilder } from './journeys';
import { splitByWeights } from './largest-remainder';

export interface AttributionServiceDeps {
  db: Database.Database;
  facts: ShowFactsRepo;
  credits: AttributionRepo;
  clock: Clock;
}

/**
 * Attribution is derived, never baked in: `attribution_credits` is rebuilt per show from its clicks and
 * ledger entries, in one transaction, whenever the show's facts changed since the last build (or on
 * demand). Reading a show whose facts did not change costs one aggregate over its credits.
 */
export class AttributionService {
  private readonly rebuildTx;

  constructor(private readonly d: AttributionServiceDeps) {
    this.rebuildTx = d.db.transaction((showId: number) => this.rebuildNow(showId));
  }

  /** Rebuilds the show's credits from its facts. */
  rebuild(showId: number): { showId: number; entries: number; rebuiltAt: number } {
    return this.rebuildTx.immediate(showId);
  }

  /** Rebuilds only when the show's facts changed since the last build (the incremental path). */
  ensureFresh(showId: number): { entries: number; rebuiltAt: number } {
    const run = this.d.credits.run(showId);
    if (run && run.fingerprint === this.d.facts.fingerprint(showId)) {
      return { entries: run.entries, rebuiltAt: run.rebuilt_at };
    }
    return this.rebuild(showId);
  }

  get(showId: number, model: AttributionModel | 'all'): Attribution {
    const run = this.ensureFresh(showId);
    const models = model === 'all' ? ATTRIBUTION_MODELS : [model];
    const totals = this.d.credits.totals(showId);
    return {
      showId,
      halfLifeMinutes: TIME_DECAY_HALF_LIFE_MS / 60_000,
      rebuiltAt: run.rebuiltAt,
      entries: run.entries,
      models: models.map((m) => ({
        model: m,
        rows: totals
          .filter((t) => t.model === m)
          .map((t) => ({
            touchpoint: t.touchpoint,
            label: t.label,
            creator: t.creator,
            currency: t.currency,
            // Fractions of a purchase: six decimals is more than any table shows.
            conversions: Math.round(t.conversions * 1e6) / 1e6,
            revenueCents: t.revenueCents,
          })),
      })),
    };
  }

  private rebuildNow(showId: number): { showId: number; entries: number; rebuiltAt: number } {
    const { facts, credits } = this.d;
    const now = this.d.clock.now();
    const entries = facts.entries(showId);
    const byId = new Map(entries.map((e) => [e.id, e]));
    // A refund or adjustment takes back money along the journey of the purchase it belongs to.
    const origins = entries.map((e) => this.originOf(e, byId));
    const journeys = new JourneyBuilder(facts, facts.clicks(showId), new Set(facts.dropIds(showId)), origins);
    credits.clearShow(showId);
    entries.forEach((entry, i) => {
      const origin = origins[i];
      const touches = journeys.touches(origin);
      for (const model of ATTRIBUTION_MODELS) {
        const weights = [...creditWeights(model, touches, origin.at, origin.touchpoint_id)].sort(
          (a, b) => a[0] - b[0],
        );
        const cents = splitByWeights(
          entry.amount_cents,
          weights.map(([, w]) => w),
        );
        weights.forEach(([touchpointId, weight], i) => {
          credits.insert({
            model,
            entryId: entry.id,
            touchpointId,
            showId,
            dropId: entry.drop_id,
            weight,
            conversions: entry.kind === 'purchase' ? weight : 0,
            revenueCents: cents[i],
            currency: entry.currency,
            touches: touches.length,
          });
        });
      }
    });
    credits.saveRun(showId, facts.fingerprint(showId), entries.length, now);
    return { showId, entries: entries.length, rebuiltAt: now };
  }

  private originOf(entry: FactEntry, byId: Map<number, FactEntry>): FactEntry {
    if (entry.kind === 'purchase' || entry.related_entry_id === null) return entry;
    return byId.get(entry.related_entry_id) ?? this.d.facts.entry(entry.related_entry_id) ?? entry;
  }
}
