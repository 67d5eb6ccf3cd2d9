import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveKpis, ShowKpis } from '../../../../shared/insights/kpis';
import type { Statement } from '../../../../shared/insights/splits';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { RawFacts } from '../../../support/raw-facts';
import { buildKpiFixture, MIN, T0, type KpiFixture } from './kpi-fixture';
import { json } from './show-helpers';

/** Every expected figure below is worked out by hand from the fixture described in kpi-fixture.ts (built once; the tests only read). */
describe('KPIs of a show, each on a hand-computed fixture', () => {
  let t: TestCore;
  let clock: ManualClock;
  let raw: RawFacts;
  let f: KpiFixture;
  let k: ShowKpis;
  let liveMidShow: LiveKpis;

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await startTestCore({ clock });
    raw = new RawFacts(t.dataDir);
    f = await buildKpiFixture(t, clock, raw, async () => {
      // 18:10, before any sale: the live view over the last 5 minutes (18:06-18:10).
      liveMidShow = await json<LiveKpis>(await t.api(`/api/shows/${f?.show.id ?? 1}/kpis/live?minutes=5`));
    });
    k = await json<ShowKpis>(await t.api(`/api/shows/${f.show.id}/kpis`));
  });
  afterAll(async () => {
    raw.close();
    await t.stop();
  });

  it('clicks per minute by touchpoint: human clicks ÷ the 11 minutes from 18:00 to 18:10, and the busiest minute', () => {
    expect(k.clicksPerMinute.minutes).toBe(11);
    expect(k.clicksPerMinute.byTouchpoint).toEqual([
      { touchpoint: 'ana-dm', clicks: 2, perMinute: 0.18, peak: 1 }, // 2 / 11
      { touchpoint: 'stream', clicks: 3, perMinute: 0.27, peak: 2 }, // 3 / 11; V2 and V5 at 18:01; the bot left out
      { touchpoint: 'venue', clicks: 2, perMinute: 0.18, peak: 1 },
    ]);
    expect(k.clicksPerMinute.series).toContainEqual({ minute: T0 + MIN, touchpoint: 'stream', clicks: 2 });
  });

  it('live KPIs: the last 5 minutes at 18:10 hold only V1’s DM click; nothing sold yet', () => {
    expect(liveMidShow.minutes).toBe(5);
    expect(liveMidShow.clicksPerMinute.byTouchpoint).toEqual([
      { touchpoint: 'ana-dm', clicks: 1, perMinute: 0.2, peak: 1 },
    ]);
    expect(liveMidShow.conversionByTouchpoint).toEqual([
      { key: 'ana-dm', visitors: 1, purchases: 0, rate: 0 },
    ]);
    expect(liveMidShow.drops.map((d) => [d.title, d.unitsTotal, d.unitsSold, d.sellThrough])).toEqual([
      ['Glow mug', 10, 0, 0],
      ['Tote', 5, 0, 0],
    ]);
  });

  it('conversion by touchpoint and by creator: purchases credited ÷ distinct human visitors', () => {
    expect(k.conversionByTouchpoint).toEqual([
      { key: 'ana-dm', visitors: 2, purchases: 2, rate: 1 }, // V1, V4; S1, S4
      { key: 'direct', visitors: 0, purchases: 1, rate: null }, // the shop order: nobody to divide by
      { key: 'stream', visitors: 3, purchases: 1, rate: 0.3333 }, // V1, V2, V5; S3
      { key: 'venue', visitors: 1, purchases: 1, rate: 1 }, // V3 (two venue links, one visitor); S2
    ]);
    expect(k.conversionByCreator).toEqual([
      { key: '(none)', visitors: 4, purchases: 3, rate: 0.75 }, // V1, V2, V3, V5; S2, S3, shop order
      { key: 'Ana', visitors: 2, purchases: 2, rate: 1 },
    ]);
  });

  it('click-to-purchase lag: 20, 29, 60 and 148 minutes → median (nearest rank 2 of 4) 29, p90 (rank 4) 148', () => {
    expect(k.purchaseLag).toEqual({ purchases: 4, medianMinutes: 29, p90Minutes: 148 });
  });

  it('sell-through and restock delta in two-hour windows', () => {
    expect(k.sellThrough).toEqual([
      // 18-20: 15 units put up (10 mugs + 5 totes), 4 sold → 4/15.
      {
        from: T0,
        to: T0 + 120 * MIN,
        stockAtStart: 0,
        restocked: 0,
        unitsSold: 4,
        sellThrough: 0.2667,
        cumulativeSellThrough: 0.2667,
      },
      // 20-22: 11 left + 5 restocked; 3 totes sold, 1 mug refunded → 2/16; so far 6/20.
      {
        from: T0 + 120 * MIN,
        to: T0 + 240 * MIN,
        stockAtStart: 11,
        restocked: 5,
        unitsSold: 2,
        sellThrough: 0.125,
        cumulativeSellThrough: 0.3,
      },
    ]);
  });

  it('cost per acquisition: touchpoint costs spread over drops by click share', () => {
    // stream €50 all on the mug (3 of 3 clicks); ana-dm €30 half mug, half tote; e-mail €10 unclicked.
    expect(k.cpa.byDrop).toEqual([
      {
        dropId: f.mug.id,
        title: 'Glow mug',
        currency: 'EUR',
        costCents: 6500,
        acquisitions: 3,
        cpaCents: 2167,
      },
      { dropId: f.tote.id, title: 'Tote', currency: 'EUR', costCents: 1500, acquisitions: 1, cpaCents: 1500 },
    ]);
    expect(k.cpa.byTouchpoint).toEqual([
      { touchpoint: 'ana-dm', currency: 'EUR', costCents: 3000, acquisitions: 2, cpaCents: 1500 },
      { touchpoint: 'email', currency: 'EUR', costCents: 1000, acquisitions: 0, cpaCents: null },
      { touchpoint: 'stream', currency: 'EUR', costCents: 5000, acquisitions: 1, cpaCents: 5000 },
    ]);
    expect(k.cpa.unallocated).toEqual([{ currency: 'EUR', costCents: 1000 }]);
  });

  it('repeat purchase within 30 days and repeat-drop conversion', () => {
    // Buyers E1, E3, cust-2, E9. E1 bought again (S4), E3 10 days later; cust-2 only after 40 days.
    expect(k.repeatPurchase).toEqual({ buyers: 4, repeaters: 2, rate: 0.5 });
    // Bought before the show: E3 and E7; E3 came back.
    expect(k.repeatDrop).toEqual({ priorBuyers: 2, returned: 1, rate: 0.5 });
  });

  it('net revenue after refunds and creator splits', () => {
    // Gross 50+25+25+60+10 = €170, refund −€25 → €145. Show scope €85: Ana 10 % = 850, Ben 15.5 % =
    // 1317.5, host 6332.5 → the odd cent (a tie of .5) goes to Ben, listed first: 850 + 1318 + 6332.
    // Tote scope €60: Ana 3000. Creators 850 + 1318 + 3000 = 5168; host 14500 − 5168 = 9332.
    expect(k.revenue).toEqual([
      {
        currency: 'EUR',
        grossCents: 17000,
        refundsCents: -2500,
        adjustmentsCents: 0,
        netCents: 14500,
        creatorSharesCents: 5168,
        hostNetCents: 9332,
      },
    ]);
  });

  it('engaged households: identified people with two or more interactions', () => {
    // E1: two purchases. E3: one purchase + two unique venue check-ins by V3 (linked by S2). E9: one.
    expect(k.households).toEqual({ identified: 3, engaged: 2, rate: 0.6667 });
  });

  it('creator statements list the entries behind each share and add up', async () => {
    const ben = await json<Statement>(await t.api(`/api/shows/${f.show.id}/statement?creator=Ben`));
    expect(ben.totals).toEqual([{ currency: 'EUR', cents: 1318 }]);
    expect(ben.scopes).toHaveLength(1);
    expect(ben.scopes[0].entries.map((e) => e.externalId)).toEqual([
      'pi_1',
      'pi_2',
      'pi_3',
      're_2',
      'shop_9',
    ]);
    expect(ben.scopes[0].entries.reduce((n, e) => n + e.amountCents, 0)).toBe(ben.scopes[0].netCents);
    const ana = await json<Statement>(
      await t.api(`/api/shows/${f.show.id}/statement?creator=${encodeURIComponent('Ana')}`),
    );
    expect(ana.totals).toEqual([{ currency: 'EUR', cents: 3850 }]);
    expect(ana.scopes.map((s) => [s.scope, s.shareCents])).toEqual([
      ['show', 850],
      [`drop:${f.tote.id}`, 3000],
    ]);
    expect((await t.api(`/api/shows/${f.show.id}/statement?creator=Nobody`)).status).toBe(404);
  });
});
