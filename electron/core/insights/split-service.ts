import { HOST_PARTY, type SplitScope, type Statement } from '../../../shared/insights/splits';
import { notFound } from '../domain-error';
import type { FactEntry, ShowFactsRepo } from '../store/show-facts-repo';
import type { ShowsRepo, SplitShareRow } from '../store/shows-repo';
import { splitByBasisPoints } from './largest-remainder';

interface Scope {
  key: string;
  dropId: number | null;
  currency: string;
  entries: FactEntry[];
}

/**
 * Creator co-op splits. A drop with a split of its own splits its net revenue by it; every other entry
 * of the show (drops without one, entries without a drop) falls in the show-wide split. Each scope's
 * net (purchases less refunds, so possibly negative) is divided per currency with the largest-remainder
 * rule (largest-remainder.ts): creators in the order the host listed them, then the host's remainder,
 * which also breaks ties — the parts add up to the net to the cent.
 */
export class SplitService {
  constructor(
    private readonly shows: ShowsRepo,
    private readonly facts: ShowFactsRepo,
  ) {}

  scopes(showId: number, entries = this.facts.entries(showId)): SplitScope[] {
    const splits = this.shows.splits(showId);
    return this.group(entries, splits).map((scope) => {
      const net = scope.entries.reduce((n, e) => n + e.amount_cents, 0);
      const parties = this.partiesOf(splits, scope.dropId);
      const cents = splitByBasisPoints(
        net,
        parties.map((p) => p.basisPoints),
      );
      return {
        scope: scope.key,
        dropId: scope.dropId,
        currency: scope.currency,
        netCents: net,
        shares: parties.map((p, i) => ({ creator: p.creator, basisPoints: p.basisPoints, cents: cents[i] })),
      };
    });
  }

  statement(showId: number, creator: string): Statement {
    if (!this.shows.row(showId)) throw notFound(`Show ${showId}`);
    const entries = this.facts.entries(showId);
    const splits = this.shows.splits(showId);
    const grouped = new Map(this.group(entries, splits).map((s) => [`${s.key}/${s.currency}`, s]));
    const scopes = this.scopes(showId, entries).flatMap((scope) => {
      const share = scope.shares.find((s) => s.creator === creator);
      if (!share) return [];
      const behind = grouped.get(`${scope.scope}/${scope.currency}`)?.entries ?? [];
      return [
        {
          ...scope,
          basisPoints: share.basisPoints,
          shareCents: share.cents,
          entries: behind.map((e) => ({
            id: e.id,
            at: e.at,
            kind: e.kind,
            dropId: e.drop_id,
            quantity: e.quantity,
            amountCents: e.amount_cents,
            currency: e.currency,
            source: e.source,
            externalId: e.external_id,
          })),
        },
      ];
    });
    if (scopes.length === 0 && !splits.some((s) => s.creator === creator) && creator !== HOST_PARTY) {
      throw notFound(`Creator "${creator}" in show ${showId}`);
    }
    const totals = new Map<string, number>();
    for (const s of scopes) totals.set(s.currency, (totals.get(s.currency) ?? 0) + s.shareCents);
    return {
      showId,
      creator,
      totals: [...totals].sort().map(([currency, cents]) => ({ currency, cents })),
      scopes,
    };
  }

  /** Creators of the scope in listed order, then the host with what is left of 100 %. */
  private partiesOf(splits: SplitShareRow[], dropId: number | null) {
    const own = splits.filter((s) => s.drop_id === dropId).sort((a, b) => a.position - b.position);
    const parties = own.map((s) => ({ creator: s.creator, basisPoints: s.basis_points }));
    const rest = 10_000 - parties.reduce((n, p) => n + p.basisPoints, 0);
    if (rest > 0) parties.push({ creator: HOST_PARTY, basisPoints: rest });
    return parties;
  }

  private group(entries: FactEntry[], splits: SplitShareRow[]): Scope[] {
    const withOwn = new Set(splits.filter((s) => s.drop_id !== null).map((s) => s.drop_id));
    const byId = new Map(entries.map((e) => [e.id, e]));
    const scopes = new Map<string, Scope>();
    for (const e of entries) {
      // A refund posted without a drop follows the purchase it refunds.
      const drop = e.drop_id ?? (e.related_entry_id ? (byId.get(e.related_entry_id)?.drop_id ?? null) : null);
      const dropId = drop !== null && withOwn.has(drop) ? drop : null;
      const key = dropId === null ? 'show' : `drop:${dropId}`;
      const id = `${key}/${e.currency}`;
      let scope = scopes.get(id);
      if (!scope) {
        scope = { key, dropId, currency: e.currency, entries: [] };
        scopes.set(id, scope);
      }
      scope.entries.push(e);
    }
    return [...scopes.values()].sort(
      (a, b) => (a.dropId ?? 0) - (b.dropId ?? 0) || a.currency.localeCompare(b.currency),
    );
  }
}
