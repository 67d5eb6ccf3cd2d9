import type Database from 'better-sqlite3';
import { SHOW_DROPS, SHOW_ENTRIES } from './show-facts-repo';

const DAY_MS = 24 * 3600_000;
export const REPEAT_WINDOW_MS = 30 * DAY_MS;
/** Scans that count as an interaction for households: check-ins at the venue and the e-mail/RSVP link. */
export const INTERACTION_KINDS = ['venue_qr', 'venue_nfc', 'email'] as const;

export interface ShowDropRow {
  id: number;
  title: string;
  state: string;
  currency: string;
  started_at: number | null;
  ended_at: number | null;
  units_total: number;
  units_sold: number;
}

type KeyCount = { key: string; n: number };
// (Group by the expression, never by the alias `key`: touchpoints has a column of that name, which wins.)

/**
 * The KPI queries (formulas in docs/kpis.md). All read a show's facts through the drop index
 * (`clicks_by_drop`, `ledger_by_drop`) or the per-minute rollup, never a scan of the whole history.
 */
export class KpiRepo {
  private readonly s;

  constructor(db: Database.Database) {
    const p = <R>(sql: string) => db.prepare<Record<string, number>, R>(sql);
    this.s = {
      drops: p<ShowDropRow>(`
        SELECT d.id, d.title, d.state, d.currency, d.started_at, d.ended_at,
               coalesce(sum(t.units_total), 0) AS units_total, coalesce(sum(t.units_sold), 0) AS units_sold
        FROM drops d LEFT JOIN drop_tiers t ON t.drop_id = d.id WHERE d.show_id = @show GROUP BY d.id ORDER BY d.id`),
      minutes: p<{ minute: number; touchpoint: string; clicks: number }>(`
        SELECT s.minute, t.key AS touchpoint, sum(s.clicks) AS clicks
        FROM minute_stats s JOIN touchpoints t ON t.id = s.touchpoint_id
        WHERE s.drop_id IN (${SHOW_DROPS}) AND s.minute >= @from
        GROUP BY s.minute, s.touchpoint_id HAVING sum(s.clicks) > 0 ORDER BY s.minute, t.key`),
      clicksByDropTouchpoint: p<{ drop_id: number; touchpoint_id: number; clicks: number }>(`
        SELECT drop_id, touchpoint_id, sum(clicks) AS clicks FROM minute_stats
        WHERE drop_id IN (${SHOW_DROPS}) GROUP BY drop_id, touchpoint_id`),
      visitorsByTouchpoint: p<KeyCount>(`
        SELECT t.key, count(DISTINCT c.visitor_id) AS n FROM clicks c JOIN touchpoints t ON t.id = c.touchpoint_id
        WHERE c.drop_id IN (${SHOW_DROPS}) AND c.is_bot = 0 AND c.at >= @from GROUP BY c.touchpoint_id`),
      purchasesByTouchpoint: p<KeyCount>(`
        SELECT t.key, count(*) AS n FROM (${SHOW_ENTRIES}) e JOIN touchpoints t ON t.id = e.touchpoint_id
        WHERE e.kind = 'purchase' AND e.at >= @from GROUP BY e.touchpoint_id`),
      visitorsByCreator: p<KeyCount>(`
        SELECT coalesce(t.creator, '(none)') AS key, count(DISTINCT c.visitor_id) AS n
        FROM clicks c JOIN touchpoints t ON t.id = c.touchpoint_id
        WHERE c.drop_id IN (${SHOW_DROPS}) AND c.is_bot = 0 GROUP BY coalesce(t.creator, '(none)')`),
      purchasesByCreator: p<KeyCount>(`
        SELECT coalesce(t.creator, '(none)') AS key, count(*) AS n
        FROM (${SHOW_ENTRIES}) e JOIN touchpoints t ON t.id = e.touchpoint_id
        WHERE e.kind = 'purchase' GROUP BY coalesce(t.creator, '(none)')`),
      // First human click of the buyer's visitor id on the drop they bought, at or before the purchase.
      // MATERIALIZED + CROSS JOIN: purchases drive, each finds its group through an automatic index
      // (left to itself SQLite walks every purchase of the drop once per click group).
      lags: p<{ lag: number }>(`
        WITH first AS MATERIALIZED (
          SELECT drop_id, visitor_id, min(at) AS first_at FROM clicks
          WHERE drop_id IN (${SHOW_DROPS}) AND is_bot = 0
            AND visitor_id IN (SELECT visitor_id FROM ledger_entries WHERE drop_id IN (${SHOW_DROPS})
                               AND kind = 'purchase' AND visitor_id IS NOT NULL)
          GROUP BY drop_id, visitor_id)
        SELECT l.at - f.first_at AS lag FROM ledger_entries l
        CROSS JOIN first f ON f.drop_id = l.drop_id AND f.visitor_id = l.visitor_id
        WHERE l.drop_id IN (${SHOW_DROPS}) AND l.kind = 'purchase' AND f.first_at <= l.at ORDER BY lag`),
      movements: p<{ at: number; delta: number; reason: string }>(`
        SELECT at, delta, reason FROM inventory_movements WHERE drop_id IN (${SHOW_DROPS}) ORDER BY at, id`),
      // Identity: the e-mail hash, else the buyer reference. Another purchase within 30 days of the
      // first one in this show (anywhere in the ledger) makes a repeat buyer.
      repeat: p<{ buyers: number; repeaters: number }>(`
        WITH firsts AS (
          SELECT email_hash AS h, CASE WHEN email_hash IS NULL THEN buyer_ref END AS ref, min(at) AS t0
          FROM (${SHOW_ENTRIES}) WHERE kind = 'purchase' AND (email_hash IS NOT NULL OR buyer_ref IS NOT NULL)
          GROUP BY h, ref)
        SELECT count(*) AS buyers, coalesce(sum(CASE
          WHEN h IS NOT NULL THEN (SELECT count(*) FROM ledger_entries l WHERE l.email_hash = h
            AND l.kind = 'purchase' AND l.at >= t0 AND l.at <= t0 + ${REPEAT_WINDOW_MS}) >= 2
          ELSE (SELECT count(*) FROM ledger_entries l WHERE l.buyer_ref = ref AND l.email_hash IS NULL
            AND l.kind = 'purchase' AND l.at >= t0 AND l.at <= t0 + ${REPEAT_WINDOW_MS}) >= 2 END), 0) AS repeaters
        FROM firsts`),
      // Buyers of other drops before this show started, and how many of them bought in this show.
      repeatDrop: p<{ prior: number; returned: number }>(`
        WITH e AS (${SHOW_ENTRIES}),
        start AS (SELECT coalesce((SELECT starts_at FROM shows WHERE id = @show), (SELECT min(at) FROM e)) AS t),
        prior AS (
          SELECT DISTINCT coalesce(hex(email_hash), 'ref:' || buyer_ref) AS who FROM ledger_entries, start
          WHERE kind = 'purchase' AND at < start.t AND (email_hash IS NOT NULL OR buyer_ref IS NOT NULL)
            AND (drop_id IS NULL OR drop_id NOT IN (${SHOW_DROPS}))),
        here AS (
          SELECT DISTINCT coalesce(hex(email_hash), 'ref:' || buyer_ref) AS who FROM e
          WHERE kind = 'purchase' AND (email_hash IS NOT NULL OR buyer_ref IS NOT NULL))
        SELECT (SELECT count(*) FROM prior) AS prior,
               (SELECT count(*) FROM prior WHERE who IN (SELECT who FROM here)) AS returned`),
      // Identified people (an e-mail hash on an entry of the show); interactions: their purchases in the
      // show plus unique check-in / e-mail scans by any visitor id linked to their hash through a sale.
      households: p<{ identified: number; engaged: number }>(`
        WITH e AS (${SHOW_ENTRIES}),
        ids AS (SELECT DISTINCT email_hash AS h FROM e WHERE email_hash IS NOT NULL),
        buys AS (SELECT email_hash AS h, count(*) AS n FROM e WHERE kind = 'purchase' AND email_hash IS NOT NULL
                 GROUP BY email_hash),
        linked AS (SELECT DISTINCT l.email_hash AS h, l.visitor_id AS v FROM ledger_entries l
                   WHERE l.email_hash IN (SELECT h FROM ids) AND l.visitor_id IS NOT NULL),
        scans AS (SELECT linked.h, count(*) AS n FROM clicks c
                  JOIN touchpoints t ON t.id = c.touchpoint_id
                  JOIN linked ON linked.v = c.visitor_id
                  WHERE c.drop_id IN (${SHOW_DROPS}) AND c.is_bot = 0 AND c.is_unique = 1
                    AND t.kind IN (${INTERACTION_KINDS.map((k) => `'${k}'`).join(', ')})
                  GROUP BY linked.h)
        SELECT count(*) AS identified,
               coalesce(sum(coalesce(buys.n, 0) + coalesce(scans.n, 0) >= 2), 0) AS engaged
        FROM ids LEFT JOIN buys ON buys.h = ids.h LEFT JOIN scans ON scans.h = ids.h`),
    };
  }

  drops(show: number): ShowDropRow[] {
    return this.s.drops.all({ show });
  }
  minutes(show: number, from = 0): Array<{ minute: number; touchpoint: string; clicks: number }> {
    return this.s.minutes.all({ show, from });
  }
  clicksByDropTouchpoint(show: number): Array<{ drop_id: number; touchpoint_id: number; clicks: number }> {
    return this.s.clicksByDropTouchpoint.all({ show });
  }
  visitorsByTouchpoint(show: number, from = 0): KeyCount[] {
    return this.s.visitorsByTouchpoint.all({ show, from });
  }
  purchasesByTouchpoint(show: number, from = 0): KeyCount[] {
    return this.s.purchasesByTouchpoint.all({ show, from });
  }
  visitorsByCreator(show: number): KeyCount[] {
    return this.s.visitorsByCreator.all({ show });
  }
  purchasesByCreator(show: number): KeyCount[] {
    return this.s.purchasesByCreator.all({ show });
  }
  lagsMs(show: number): number[] {
    return this.s.lags.all({ show }).map((r) => r.lag);
  }
  movements(show: number): Array<{ at: number; delta: number; reason: string }> {
    return this.s.movements.all({ show });
  }
  repeat(show: number): { buyers: number; repeaters: number } {
    return this.s.repeat.get({ show }) ?? { buyers: 0, repeaters: 0 };
  }
  repeatDrop(show: number): { prior: number; returned: number } {
    return this.s.repeatDrop.get({ show }) ?? { prior: 0, returned: 0 };
  }
  households(show: number): { identified: number; engaged: number } {
    return this.s.households.get({ show }) ?? { identified: 0, engaged: 0 };
  }
}
