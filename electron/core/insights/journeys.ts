import { JOURNEY_LOOKBACK_MS } from '../../../shared/insights/attribution';
import type { FactClick, FactEntry, ShowFactsRepo } from '../store/show-facts-repo';
import type { Touch } from './attribution-models';

/**
 * A journey is the human clicks of the buyer before the purchase (within JOURNEY_LOOKBACK_MS):
 * - the clicks of the visitor id the sale joined (privacy-first: one daily-salted hash), and
 * - where the entry carries an e-mail hash, the clicks of every visitor id linked to that hash
 *   through earlier sales (other days, other shows).
 * Clicks are looked for on the show's drops, and for linked visitor ids also on the drop of the sale
 * that linked them: clicks have no visitor index (scans must stay cheap to write), so a linked id's
 * clicks on a third drop of another show are not seen.
 */
export class JourneyBuilder {
  private readonly byVisitor = new Map<string, FactClick[]>();
  private readonly linked = new Map<number, Buffer[]>();

  /**
   * Loads what the journeys of `origins` need: the show's clicks (given), each e-mail's linked visitor
   * ids, and — one query per drop outside the show, not one per purchase — those visitors' clicks there.
   */
  constructor(
    facts: ShowFactsRepo,
    showClicks: readonly FactClick[],
    showDrops: ReadonlySet<number>,
    origins: ReadonlyArray<Pick<FactEntry, 'id' | 'at' | 'email_hash'>>,
  ) {
    for (const c of showClicks) this.add(c);
    const outside = new Map<number, Set<string>>();
    for (const o of origins) {
      if (!o.email_hash || this.linked.has(o.id)) continue;
      const linked = facts.linkedVisitors(o.email_hash, o.at);
      this.linked.set(
        o.id,
        linked.map((l) => l.visitor_id),
      );
      for (const l of linked) {
        if (l.drop_id === null || showDrops.has(l.drop_id)) continue;
        const set = outside.get(l.drop_id) ?? new Set<string>();
        set.add(l.visitor_id.toString('hex'));
        outside.set(l.drop_id, set);
      }
    }
    for (const [dropId, visitors] of outside) {
      for (const c of facts.visitorsClicksOnDrop(dropId, [...visitors])) this.add(c);
    }
  }

  touches(entry: Pick<FactEntry, 'id' | 'at' | 'visitor_id'>): Touch[] {
    const from = entry.at - JOURNEY_LOOKBACK_MS;
    const seen = new Map<number, Touch>();
    const take = (visitor: Buffer): void => {
      for (const c of this.byVisitor.get(visitor.toString('hex')) ?? []) {
        if (c.at >= from && c.at <= entry.at && !seen.has(c.id)) {
          seen.set(c.id, { at: c.at, id: c.id, touchpointId: c.touchpoint_id });
        }
      }
    };
    if (entry.visitor_id) take(entry.visitor_id);
    for (const v of this.linked.get(entry.id) ?? []) take(v);
    return [...seen.values()];
  }

  private add(c: FactClick): void {
    const key = c.visitor_id.toString('hex');
    const list = this.byVisitor.get(key);
    if (list) {
      if (!list.some((x) => x.id === c.id)) list.push(c);
    } else this.byVisitor.set(key, [c]);
  }
}
