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

  constructor(
    private readonly facts: ShowFactsRepo,
    showClicks: readonly FactClick[],
  ) {
    for (const c of showClicks) {
      const key = c.visitor_id.toString('hex');
      const list = this.byVisitor.get(key);
      if (list) list.push(c);
      else this.byVisitor.set(key, [c]);
    }
  }

  touches(entry: Pick<FactEntry, 'at' | 'visitor_id' | 'email_hash'>): Touch[] {
    const from = entry.at - JOURNEY_LOOKBACK_MS;
    const seen = new Map<number, Touch>();
    const take = (clicks: readonly FactClick[]): void => {
      for (const c of clicks) {
        if (c.at >= from && c.at <= entry.at && !seen.has(c.id)) {
          seen.set(c.id, { at: c.at, id: c.id, touchpointId: c.touchpoint_id });
        }
      }
    };
    if (entry.visitor_id) take(this.byVisitor.get(entry.visitor_id.toString('hex')) ?? []);
    if (entry.email_hash) {
      for (const linked of this.facts.linkedVisitors(entry.email_hash, entry.at)) {
        take(this.byVisitor.get(linked.visitor_id.toString('hex')) ?? []);
        if (linked.drop_id !== null) {
          take(this.facts.visitorClicks(linked.drop_id, from, entry.at, linked.visitor_id));
        }
      }
    }
    return [...seen.values()];
  }
}
