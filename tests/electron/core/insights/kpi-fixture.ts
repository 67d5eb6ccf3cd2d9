import type { Drop } from '../../../../shared/drops';
import type { Sale } from '../../../../shared/sales';
import type { Show } from '../../../../shared/insights/shows';
import type { TestCore } from '../../../support/core-harness';
import type { ManualClock } from '../../../support/manual-clock';
import { emailHash, type RawFacts } from '../../../support/raw-facts';
import {
  ANDROID,
  createShow,
  creatorTouchpoint,
  IPHONE,
  json,
  link,
  liveDropInShow,
  scanAs,
} from './show-helpers';

export const T0 = Date.UTC(2026, 10, 21, 18, 0, 0);
export const MIN = 60_000;
const DAY = 24 * 60 * MIN;

export interface KpiFixture {
  show: Show;
  mug: Drop;
  tote: Drop;
  sales: Record<'s1' | 's2' | 's3' | 's4', Sale>;
}

/**
 * The show every KPI test computes by hand (kpis.test.ts spells out each answer). Friday 18:00-22:00:
 *  clicks  V1 stream(mug) 18:00, ana-dm(mug) 18:10 · V2 stream(mug) 18:01 · V5 stream(mug) 18:01 ·
 *          V3 venue(mug) 18:01, venue(tote) 18:02 · V4 ana-dm(tote) 18:02 · a bot on stream 18:02
 *  sales   S1 18:20 V1 mug 2×, €50 via ana-dm, e-mail E1 · S2 18:30 V3 mug €25 via venue, E3 ·
 *          S3 19:01 V2 mug €25 via stream, buyer ref cust-2 · S4 20:30 V4 tote 3×, €60 via ana-dm, E1
 *  then    restock mug +5 at 20:10 · refund of S2 −€25 at 21:00 · shop order (no drop) €10 at 21:30, E9
 *  history E3 bought 7 days before and buys 10 days after; E7 bought 3 days before; cust-2 40 days after
 *  costs   stream €50, ana-dm €30, email €10 · splits show: Ana 10 %, Ben 15.5 %; tote: Ana 50 %
 */
export async function buildKpiFixture(
  t: TestCore,
  clock: ManualClock,
  raw: RawFacts,
  onClicksDone?: () => Promise<void>,
): Promise<KpiFixture> {
  clock.t = T0;
  await creatorTouchpoint(t, 'ana-dm', 'Ana');
  const show = await createShow(t, { name: 'Friday pop-up', startsAt: T0, endsAt: T0 + 4 * 60 * MIN });
  const mug = await liveDropInShow(t, show.id, { title: 'Glow mug', stock: 10 });
  const tote = await liveDropInShow(t, show.id, { title: 'Tote', stock: 5 });
  const mugStream = await link(t, mug.id, 'stream');
  const mugDm = await link(t, mug.id, 'ana-dm');
  const mugVenue = await link(t, mug.id, 'venue');
  const toteVenue = await link(t, tote.id, 'venue');
  const toteDm = await link(t, tote.id, 'ana-dm');

  const at = async (min: number, fn: () => Promise<void>): Promise<void> => {
    clock.t = T0 + min * MIN;
    await fn();
  };
  await at(0, () => scanAs(t, mugStream, '203.0.113.1', IPHONE, true));
  const v1 = raw.lastVisitor(mugStream.code);
  await at(1, () => scanAs(t, mugStream, '203.0.113.2', IPHONE, true));
  const v2 = raw.lastVisitor(mugStream.code);
  await at(1, () => scanAs(t, mugStream, '203.0.113.5', IPHONE, true));
  await at(1, () => scanAs(t, mugVenue, '203.0.113.3', ANDROID, true));
  const v3 = raw.lastVisitor(mugVenue.code);
  await at(2, () => scanAs(t, toteVenue, '203.0.113.3', ANDROID, true));
  await at(2, () => scanAs(t, toteDm, '203.0.113.4', IPHONE));
  const v4 = raw.lastVisitor(toteDm.code);
  await at(2, () =>
    scanAs(t, mugStream, '203.0.113.9', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'),
  );
  await at(10, () => scanAs(t, mugDm, '203.0.113.1', IPHONE));
  if (onClicksDone) await onClicksDone();

  const sale = async (min: number, body: Record<string, unknown>): Promise<Sale> => {
    clock.t = T0 + min * MIN;
    return json<Sale>(
      await t.api('/api/sales', { method: 'POST', json: { currency: 'EUR', source: 'stripe', ...body } }),
      201,
    );
  };
  const e1 = emailHash('ana.fan@example.com');
  const e3 = emailHash('sam@example.com');
  const s1 = await sale(20, {
    dropId: mug.id,
    quantity: 2,
    amountCents: 5000,
    externalId: 'pi_1',
    ref: mugDm.code,
  });
  raw.joinScan(s1.id, v1, e1);
  const s2 = await sale(30, {
    dropId: mug.id,
    quantity: 1,
    amountCents: 2500,
    externalId: 'pi_2',
    ref: mugVenue.code,
  });
  raw.joinScan(s2.id, v3, e3);
  const s3 = await sale(61, {
    dropId: mug.id,
    quantity: 1,
    amountCents: 2500,
    externalId: 'pi_3',
    ref: mugStream.code,
    buyerRef: 'cust-2',
  });
  raw.joinScan(s3.id, v2);
  clock.t = T0 + 130 * MIN;
  await json(await t.api(`/api/drops/${mug.id}/restock`, { method: 'POST', json: { units: 5 } }));
  const s4 = await sale(150, {
    dropId: tote.id,
    quantity: 3,
    amountCents: 6000,
    externalId: 'pi_4',
    ref: toteDm.code,
  });
  raw.joinScan(s4.id, v4, e1);

  raw.entry({
    at: T0 + 180 * MIN,
    kind: 'refund',
    dropId: mug.id,
    touchpoint: 'venue',
    quantity: -1,
    amountCents: -2500,
    externalId: 're_2',
    relatedEntryId: s2.id,
  });
  raw.entry({
    at: T0 + 210 * MIN,
    touchpoint: 'direct',
    quantity: 1,
    amountCents: 1000,
    externalId: 'shop_9',
    source: 'shopify',
    emailHash: emailHash('new@example.com'),
  });
  // History outside the show (no drop, outside its window).
  raw.entry({ at: T0 - 7 * DAY, quantity: 1, amountCents: 900, externalId: 'old_e3', emailHash: e3 });
  raw.entry({
    at: T0 - 3 * DAY,
    quantity: 1,
    amountCents: 900,
    externalId: 'old_e7',
    emailHash: emailHash('e7@example.com'),
  });
  raw.entry({ at: T0 + 10 * DAY, quantity: 1, amountCents: 900, externalId: 'later_e3', emailHash: e3 });
  raw.entry({ at: T0 + 40 * DAY, quantity: 1, amountCents: 900, externalId: 'later_c2', buyerRef: 'cust-2' });

  for (const [touchpoint, amountCents] of [
    ['stream', 5000],
    ['ana-dm', 3000],
    ['email', 1000],
  ] as const) {
    await json(
      await t.api(`/api/shows/${show.id}/costs`, {
        method: 'POST',
        json: { touchpoint, amountCents, currency: 'EUR' },
      }),
    );
  }
  await json(
    await t.api(`/api/shows/${show.id}/splits`, {
      method: 'POST',
      json: {
        splits: [
          { creator: 'Ana', percent: 10 },
          { creator: 'Ben', percent: 15.5 },
        ],
      },
    }),
  );
  const final = await json<Show>(
    await t.api(`/api/shows/${show.id}/splits`, {
      method: 'POST',
      json: { dropId: tote.id, splits: [{ creator: 'Ana', percent: 50 }] },
    }),
  );
  return { show: final, mug, tote, sales: { s1, s2, s3, s4 } };
}
