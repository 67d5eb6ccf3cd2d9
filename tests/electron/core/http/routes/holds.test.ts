import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../../shared/drops';
import type { Hold } from '../../../../../shared/ledger';
import type { Link } from '../../../../../shared/links';
import { startLiveDrop, startTestCore, type TestCore } from '../../../../support/core-harness';
import { ManualTimers } from '../../../../support/manual-timers';
import { PHONE_UA, scan, SLACK_PREVIEW_UA } from '../../../../support/scan';
import {
  checkoutSession,
  postStripe,
  stripeEvent,
  stripeSignature,
  WEBHOOK_ENV,
} from '../../../../support/webhooks';

let t: TestCore;
let time: ManualTimers;
beforeEach(async () => {
  time = new ManualTimers();
  t = await startTestCore({
    clock: time.clock,
    timers: time,
    env: { ...WEBHOOK_ENV, DROPDECK_TRUSTED_PROXIES: '127.0.0.1' },
  });
});
afterEach(async () => {
  await t.stop();
});

const getDrop = async (id: number): Promise<Drop> => (await (await t.api(`/api/drops/${id}`)).json()) as Drop;
async function holdsDrop(
  over: Record<string, unknown> = {},
  holds: Record<string, unknown> = { mode: 'always' },
) {
  const drop = await startLiveDrop(t, over);
  const res = await t.api(`/api/drops/${drop.id}/ledger-settings`, { method: 'PATCH', json: { holds } });
  expect(res.status).toBe(200);
  const link = (await (
    await t.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint: 'stream' } })
  ).json()) as Link;
  return { drop: (await res.json()) as Drop, link };
}
const tap = (code: string, ip: string, ua = PHONE_UA): Promise<Response> =>
  fetch(`${t.url}/hold/${code}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'user-agent': ua, 'x-forwarded-for': ip, 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  });
const look = (code: string, ip: string, ua = PHONE_UA): Promise<Response> =>
  fetch(`${t.url}/hold/${code}`, {
    redirect: 'manual',
    headers: { 'user-agent': ua, 'x-forwarded-for': ip },
  });
const holdList = async (dropId: number): Promise<Hold[]> =>
  (await (await t.api(`/api/drops/${dropId}/holds`)).json()) as Hold[];

describe('/hold/:code', () => {
  it('50 parallel buyers for 5 units get exactly 5 holds; the rest are told it is sold out', async () => {
    const { drop, link } = await holdsDrop({ stock: 5 });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => tap(link.code, `198.51.100.${i + 1}`)),
    );

    const redirected = answers.filter((r) => r.status === 303);
    expect(redirected).toHaveLength(5);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(45);
    const refs = redirected.map((r) =>
      new URL(r.headers.get('location') ?? '').searchParams.get('client_reference_id'),
    );
    expect(new Set(refs).size).toBe(5);
    for (const ref of refs) expect(ref).toMatch(/^h_[0-9A-Za-z]{16}$/);
    const location = new URL(redirected[0].headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://shop.example.com/checkout/glow-mug');
    expect(await answers.find((r) => r.status === 409)!.text()).toMatch(
      /Sold out for now.*5 units are in someone/,
    );

    expect(await getDrop(drop.id)).toMatchObject({ state: 'live', stock: 0, held: 5, sold: 0 });
    expect((await holdList(drop.id)).filter((h) => h.status === 'active')).toHaveLength(5);
  });

  it('expired holds go back to stock', async () => {
    const { drop, link } = await holdsDrop({ stock: 3 }, { mode: 'always', ttlSec: 120 });
    expect((await tap(link.code, '198.51.100.1')).status).toBe(303);
    expect((await tap(link.code, '198.51.100.2')).status).toBe(303);
    expect(await getDrop(drop.id)).toMatchObject({ stock: 1, held: 2 });

    time.advance(119_000);
    expect((await getDrop(drop.id)).held).toBe(2);
    // The sweep gives them back without anyone asking…
    time.advance(20_000);
    expect(await getDrop(drop.id)).toMatchObject({ stock: 3, held: 0, sold: 0 });
    expect((await holdList(drop.id)).map((h) => h.status)).toEqual(['expired', 'expired']);
  });

  it('a hold that runs out is settled on read even before the sweep runs', async () => {
    const { drop, link } = await holdsDrop({ stock: 1 }, { mode: 'always', ttlSec: 60 });
    expect((await tap(link.code, '198.51.100.1')).status).toBe(303);
    expect((await tap(link.code, '198.51.100.2')).status).toBe(409);
    time.clock.advance(61_000); // the clock moves, no timer fires
    expect((await tap(link.code, '198.51.100.2')).status).toBe(303);
    expect(await getDrop(drop.id)).toMatchObject({ stock: 0, held: 1 });
  });

  it('a manual sale cannot take a unit held for a checkout; a paid one past its hold is not oversold', async () => {
    const { drop, link } = await holdsDrop({ stock: 1 }, { mode: 'always', ttlSec: 60 });
    expect((await tap(link.code, '198.51.100.1')).status).toBe(303);
    const manual = await t.api('/api/sales', {
      method: 'POST',
      json: {
        dropId: drop.id,
        quantity: 1,
        amountCents: 2500,
        currency: 'EUR',
        source: 'manual',
        externalId: 'm1',
      },
    });
    expect(manual.status).toBe(409);
    time.clock.advance(61_000); // expired, not yet swept
    const pos = await t.api('/api/ledger/purchases', {
      method: 'POST',
      json: { source: 'pos', externalId: 'p1', dropId: drop.id, amountCents: 2500, currency: 'EUR' },
    });
    expect(await pos.json()).toMatchObject({ oversold: false, late: false });
    expect(await getDrop(drop.id)).toMatchObject({ sold: 1, held: 0, oversold: 0 });
  });

  it('a bot user agent cannot take a hold', async () => {
    const { drop, link } = await holdsDrop({ stock: 2 });
    const bot = await tap(link.code, '198.51.100.9', SLACK_PREVIEW_UA);
    expect(bot.status).toBe(403);
    expect(await bot.text()).toMatch(/tap in a phone browser/);
    const none = await tap(link.code, '198.51.100.9', '');
    expect(none.status).toBe(403);
    expect(await getDrop(drop.id)).toMatchObject({ stock: 2, held: 0 });
    expect(await holdList(drop.id)).toEqual([]);
  });

  it('one visitor gets their own hold again, and is stopped at the per-visitor limit', async () => {
    const { drop, link } = await holdsDrop({ stock: 10 }, { mode: 'always', ttlSec: 60, perVisitor: 2 });
    const first = await tap(link.code, '198.51.100.1');
    const again = await tap(link.code, '198.51.100.1');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await getDrop(drop.id)).held).toBe(1);
    time.advance(61_000);
    expect((await tap(link.code, '198.51.100.1')).status).toBe(303);
    time.advance(61_000);
    const limited = await tap(link.code, '198.51.100.1');
    expect(limited.status).toBe(429);
    expect(await limited.text()).toMatch(/limit of 2 reservations/);
  });

  it('the webhook turns a hold into the sale, joined to the buyer who tapped', async () => {
    const { drop, link } = await holdsDrop({ stock: 2 });
    const res = await tap(link.code, '198.51.100.4');
    const ref = new URL(res.headers.get('location') ?? '').searchParams.get('client_reference_id') ?? '';
    expect(await getDrop(drop.id)).toMatchObject({ stock: 1, held: 1 });

    const event = stripeEvent(
      'checkout.session.completed',
      checkoutSession({ client_reference_id: ref }),
      time.clock.now(),
    );
    const payload = JSON.stringify(event);
    expect((await postStripe(t.url, payload, stripeSignature(payload, time.clock.now()))).status).toBe(200);

    expect(await getDrop(drop.id)).toMatchObject({ stock: 1, held: 0, sold: 1, oversold: 0 });
    expect((await holdList(drop.id))[0].status).toBe('converted');
    const db = t.core.services.db;
    const entry = db
      .prepare<[], { visitor_id: Buffer; link_code: string }>(
        'SELECT visitor_id, link_code FROM ledger_entries',
      )
      .get();
    const hold = db
      .prepare<[], { visitor_id: Buffer; ledger_entry_id: number }>(
        'SELECT visitor_id, ledger_entry_id FROM holds',
      )
      .get();
    expect(entry?.link_code).toBe(link.code);
    expect(Buffer.compare(entry!.visitor_id, hold!.visitor_id)).toBe(0);
    expect(hold?.ledger_entry_id).toBeGreaterThan(0);
  });

  it('an expired checkout gives its hold back at once', async () => {
    const { drop, link } = await holdsDrop({ stock: 2 });
    const res = await tap(link.code, '198.51.100.4');
    const ref = new URL(res.headers.get('location') ?? '').searchParams.get('client_reference_id') ?? '';
    const session = checkoutSession({
      client_reference_id: ref,
      payment_status: 'unpaid',
      status: 'expired',
    });
    const payload = JSON.stringify(stripeEvent('checkout.session.expired', session, time.clock.now()));
    expect((await postStripe(t.url, payload, stripeSignature(payload, time.clock.now()))).status).toBe(200);
    expect(await getDrop(drop.id)).toMatchObject({ stock: 2, held: 0 });
    expect((await holdList(drop.id))[0].status).toBe('released');
  });

  it('scans go through the hold page; with last_units and plenty left, straight on to the checkout', async () => {
    const { drop, link } = await holdsDrop({ stock: 10 }, { mode: 'last_units', lastUnits: 3 });
    const scanned = await scan(t.url, `/r/${link.code}`);
    expect(scanned.status).toBe(302);
    expect(scanned.headers.get('location')).toBe(`/hold/${link.code}`);

    const plenty = await look(link.code, '198.51.100.1');
    expect(plenty.status).toBe(302);
    const location = new URL(plenty.headers.get('location') ?? '');
    expect(location.searchParams.get('client_reference_id')).toBe(link.code);
    expect(location.searchParams.get('ref')).toBe(link.code);

    // Down to the last 3: the page asks for a real tap.
    await t.api('/api/sales', {
      method: 'POST',
      json: {
        dropId: drop.id,
        quantity: 7,
        amountCents: 17500,
        currency: 'EUR',
        source: 'manual',
        externalId: 'bulk',
      },
    });
    const page = await look(link.code, '198.51.100.1');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(
      /<form method="post" action="\/hold\/[0-9A-Za-z]+"><button type="submit">Reserve my unit/,
    );
    expect(html).toMatch(/3 left/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/shop\.example\.com/);
    expect(html).toMatch(/Show this code: <strong>[2-9A-HJ-NP-Z]{6}<\/strong>/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/form-action 'self' https:\/\/shop\.example\.com/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('says so plainly when the drop is sold out or the link is unknown', async () => {
    const { drop, link } = await holdsDrop({ stock: 1 });
    await t.api('/api/sales', {
      method: 'POST',
      json: {
        dropId: drop.id,
        quantity: 1,
        amountCents: 2500,
        currency: 'EUR',
        source: 'manual',
        externalId: 's1',
      },
    });
    const soldOut = await look(link.code, '198.51.100.1');
    expect(soldOut.status).toBe(409);
    expect(await soldOut.text()).toMatch(/Sold out\./);
    expect((await look('NoSuchCode12', '198.51.100.1')).status).toBe(404);
  });
});

describe('the overlay contract', () => {
  it('public drops carry held units, never the checkout URL', async () => {
    const { drop, link } = await holdsDrop({ stock: 4 });
    await tap(link.code, '198.51.100.1');
    const { toPublicDrop } = await import('../../../../../shared/hub-events');
    const pub = toPublicDrop(await getDrop(drop.id));
    expect(pub).toMatchObject({ stock: 3, held: 1 });
    expect(JSON.stringify(pub)).not.toMatch(/checkout/i);
  });
});
