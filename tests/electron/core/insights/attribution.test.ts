import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attribution } from '../../../../shared/insights/attribution';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { emailHash, RawFacts } from '../../../support/raw-facts';
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

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 18, 0, 0);

type Credits = Record<string, Record<string, { conversions: number; revenueCents: number }>>;

/** { model: { touchpoint: {conversions, revenueCents} } } */
function byModel(a: Attribution): Credits {
  const out: Credits = {};
  for (const m of a.models) {
    out[m.model] = {};
    for (const r of m.rows)
      out[m.model][r.touchpoint] = { conversions: r.conversions, revenueCents: r.revenueCents };
  }
  return out;
}

describe('attribution models on a hand-checked journey', () => {
  let t: TestCore;
  let clock: ManualClock;
  let raw: RawFacts;

  beforeEach(async () => {
    clock = new ManualClock(T0);
    t = await startTestCore({ clock });
    raw = new RawFacts(t.dataDir);
    await creatorTouchpoint(t, 'ana-dm', 'Ana');
  });
  afterEach(async () => {
    raw.close();
    await t.stop();
  });

  const attribution = async (show: number, model = 'all'): Promise<Attribution> =>
    json<Attribution>(await t.api(`/api/attribution?show=${show}&model=${model}`));

  it('credits last touch, first touch, linear and time decay as computed by hand; refunds take back along the same journey', async () => {
    const show = await createShow(t, { name: 'Friday pop-up' });
    const drop = await liveDropInShow(t, show.id, { title: 'Glow mug' });
    const stream = await link(t, drop.id, 'stream');
    const dm = await link(t, drop.id, 'ana-dm');

    // Visitor A: stream QR at 18:00, Ana's DM link at 18:30, buys €30.00 at 19:00.
    clock.t = T0;
    await scanAs(t, stream, '203.0.113.1', IPHONE, true);
    clock.t = T0 + 30 * MIN;
    await scanAs(t, dm, '203.0.113.1', IPHONE);
    const visitorA = raw.lastVisitor(dm.code);
    const purchase = raw.entry({
      at: T0 + 60 * MIN,
      dropId: drop.id,
      touchpoint: 'ana-dm',
      visitorId: visitorA,
      quantity: 1,
      amountCents: 3000,
      externalId: 'pi_A',
    });
    // A bot preview of the stream link never joins a journey.
    await scanAs(t, stream, '203.0.113.1', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)');

    const a = byModel(await attribution(show.id));
    // Last touch: all to Ana's DM. First touch: all to the stream QR. Linear: half each.
    expect(a.last_touch).toEqual({ 'ana-dm': { conversions: 1, revenueCents: 3000 } });
    expect(a.first_touch).toEqual({ stream: { conversions: 1, revenueCents: 3000 } });
    expect(a.linear).toEqual({
      'ana-dm': { conversions: 0.5, revenueCents: 1500 },
      stream: { conversions: 0.5, revenueCents: 1500 },
    });
    // Time decay, half-life 60 min: stream is 60 min old → 2^-1 = 0.5; DM 30 min old → 2^-0.5 = 0.707107.
    // Normalised: stream 0.5 / 1.207107 = 0.414214, DM 0.585786. Cents: 1242.64 and 1757.36 → floors
    // 1242 + 1757 = 2999, the odd cent goes to the larger remainder (.64, stream): 1243 + 1757 = 3000.
    expect(a.time_decay.stream.conversions).toBeCloseTo(0.414214, 5);
    expect(a.time_decay['ana-dm'].conversions).toBeCloseTo(0.585786, 5);
    expect(a.time_decay.stream.revenueCents).toBe(1243);
    expect(a.time_decay['ana-dm'].revenueCents).toBe(1757);

    // A €10.00 refund of that purchase (negative amount and quantity) follows its journey:
    // last touch DM −1000; linear −500 each; conversions unchanged (refunds move money, not purchases).
    raw.entry({
      at: T0 + 90 * MIN,
      kind: 'refund',
      dropId: drop.id,
      touchpoint: 'ana-dm',
      quantity: -1,
      amountCents: -1000,
      externalId: 're_A',
      relatedEntryId: purchase,
    });
    const b = byModel(await attribution(show.id));
    expect(b.last_touch).toEqual({ 'ana-dm': { conversions: 1, revenueCents: 2000 } });
    expect(b.linear).toEqual({
      'ana-dm': { conversions: 0.5, revenueCents: 1000 },
      stream: { conversions: 0.5, revenueCents: 1000 },
    });
    // Only the asked model when one is named; last touch is the default.
    const single = await attribution(show.id, 'first_touch');
    expect(single.models.map((m) => m.model)).toEqual(['first_touch']);
    const dflt = await json<Attribution>(await t.api(`/api/attribution?show=${show.id}`));
    expect(dflt.models.map((m) => m.model)).toEqual(['last_touch']);
    expect(dflt.halfLifeMinutes).toBe(60);
  });

  it('joins the clicks of another day through the e-mail hash of an earlier sale, and credits a journey-less sale to its own touchpoint', async () => {
    const friday = await createShow(t, { name: 'Friday' });
    const fridayDrop = await liveDropInShow(t, friday.id, { title: 'Tote' });
    const venue = await link(t, fridayDrop.id, 'venue');
    const ana = emailHash('ana@example.com');

    // Day 1: visitor B scans the venue QR at 18:10 and buys at 18:20, giving an e-mail.
    clock.t = T0 + 10 * MIN;
    await scanAs(t, venue, '198.51.100.9', ANDROID, true);
    raw.entry({
      at: T0 + 20 * MIN,
      dropId: fridayDrop.id,
      touchpoint: 'venue',
      visitorId: raw.lastVisitor(venue.code),
      emailHash: ana,
      quantity: 1,
      amountCents: 2000,
      externalId: 'pi_B1',
    });

    // Day 2, another show: same phone, new daily salt → a new visitor id. Stream scan, buys 5 min later.
    const saturday = await createShow(t, {
      name: 'Saturday',
      startsAt: T0 + 24 * 60 * MIN,
      endsAt: T0 + 30 * 60 * MIN,
    });
    clock.t = T0 + 24 * 60 * MIN;
    const satDrop = await liveDropInShow(t, saturday.id, { title: 'Cap' });
    const stream = await link(t, satDrop.id, 'stream');
    await scanAs(t, stream, '198.51.100.9', ANDROID, true);
    const dayTwo = raw.lastVisitor(stream.code);
    expect(dayTwo.equals(raw.lastVisitor(venue.code))).toBe(false);
    raw.entry({
      at: T0 + 24 * 60 * MIN + 5 * MIN,
      dropId: satDrop.id,
      touchpoint: 'stream',
      visitorId: dayTwo,
      emailHash: ana,
      quantity: 1,
      amountCents: 4000,
      externalId: 'pi_B2',
    });
    // A shop order with no drop and no scan, inside Saturday's window: credited to its own touchpoint.
    raw.entry({
      at: T0 + 25 * 60 * MIN,
      dropId: null,
      touchpoint: 'direct',
      quantity: 1,
      amountCents: 500,
      externalId: 'shop_1',
    });

    const a = byModel(await attribution(saturday.id));
    // The journey of pi_B2 is [venue (day 1, via the e-mail hash), stream (day 2)].
    expect(a.first_touch).toEqual({
      venue: { conversions: 1, revenueCents: 4000 },
      direct: { conversions: 1, revenueCents: 500 },
    });
    expect(a.last_touch).toEqual({
      stream: { conversions: 1, revenueCents: 4000 },
      direct: { conversions: 1, revenueCents: 500 },
    });
    expect(a.linear.venue).toEqual({ conversions: 0.5, revenueCents: 2000 });
    // Time decay: the venue scan is 24 h − 10 min + 5 min old = 23.92 half-lives → weight ≈ 6e-8: 0 cents.
    expect(a.time_decay.stream.revenueCents).toBe(4000);
    expect(a.time_decay.venue.revenueCents).toBe(0);
    // Friday's own credit is untouched by Saturday's sales.
    const f = byModel(await attribution(friday.id));
    expect(f.last_touch).toEqual({ venue: { conversions: 1, revenueCents: 2000 } });
  });

  it('rebuilds on demand to the same credits, and refuses an unknown show or model', async () => {
    const show = await createShow(t, { name: 'Rebuild' });
    const drop = await liveDropInShow(t, show.id);
    const stream = await link(t, drop.id, 'stream');
    await scanAs(t, stream, '203.0.113.4', IPHONE, true);
    raw.entry({
      at: T0 + MIN,
      dropId: drop.id,
      touchpoint: 'stream',
      visitorId: raw.lastVisitor(stream.code),
      quantity: 2,
      amountCents: 5000,
      externalId: 'pi_R',
    });
    const before = await attribution(show.id);
    const rebuilt = await json<{ entries: number }>(
      await t.api('/api/attribution/rebuild', { method: 'POST', json: { show: show.id } }),
    );
    expect(rebuilt.entries).toBe(1);
    const after = await attribution(show.id);
    expect(after.models).toEqual(before.models);
    expect((await t.api('/api/attribution?show=999')).status).toBe(404);
    expect((await t.api(`/api/attribution?show=${show.id}&model=u_shaped`)).status).toBe(400);
  });
});
