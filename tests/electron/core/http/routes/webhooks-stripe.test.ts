import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../../shared/drops';
import type { WebhookRejected, WebhookStats } from '../../../../../shared/ledger';
import type { Link } from '../../../../../shared/links';
import { startLiveDrop, startTestCore, type TestCore } from '../../../../support/core-harness';
import { ManualTimers } from '../../../../support/manual-timers';
import { scan } from '../../../../support/scan';
import {
  checkoutSession,
  postStripe,
  refundedCharge,
  STRIPE_SECRET,
  stripeEvent,
  stripeSignature,
  WEBHOOK_ENV,
} from '../../../../support/webhooks';

let t: TestCore;
let time: ManualTimers;
beforeEach(async () => {
  time = new ManualTimers();
  t = await startTestCore({ clock: time.clock, timers: time, env: WEBHOOK_ENV });
});
afterEach(async () => {
  await t.stop();
});

const now = (): number => time.clock.now();
const getDrop = async (id: number): Promise<Drop> => (await (await t.api(`/api/drops/${id}`)).json()) as Drop;
const ledger = () =>
  t.core.services.db.prepare<[], Record<string, unknown>>('SELECT * FROM ledger_entries ORDER BY id').all();
const stats = async (): Promise<WebhookStats> =>
  (await (await t.api('/api/webhooks/stats')).json()) as WebhookStats;
async function linkFor(dropId: number, touchpoint = 'stream'): Promise<Link> {
  return (await (
    await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint } })
  ).json()) as Link;
}
function deliver(event: unknown, at = now()): Promise<Response> {
  const payload = JSON.stringify(event);
  return postStripe(t.url, payload, stripeSignature(payload, at));
}
async function minuteRows(dropId: number) {
  const body = (await (await t.api(`/api/drops/${dropId}/stats`)).json()) as {
    rows: Array<{ minute: number; sales: number; units: number; revenueCents: number }>;
  };
  return body.rows.filter((r) => r.sales !== 0 || r.units !== 0 || r.revenueCents !== 0);
}

describe('POST /webhooks/stripe', () => {
  it('a signed event delivered five times is one sale, joined to its click', async () => {
    const drop = await startLiveDrop(t, { stock: 5 });
    const link = await linkFor(drop.id);
    expect((await scan(t.url, `/r/${link.code}`, { ip: '203.0.113.7' })).status).toBe(302);
    const event = stripeEvent(
      'checkout.session.completed',
      checkoutSession({ client_reference_id: link.code }, now()),
      now(),
    );

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await deliver(event));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

    const rows = ledger();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'purchase',
      drop_id: drop.id,
      source: 'stripe',
      external_id: event.data.object.id,
      link_code: link.code,
      amount_cents: 2500,
      currency: 'EUR',
      at: event.created * 1000,
    });
    const click = t.core.services.db
      .prepare<[], { visitor_id: Buffer }>('SELECT visitor_id FROM clicks')
      .get();
    expect(Buffer.compare(rows[0].visitor_id as Buffer, click!.visitor_id)).toBe(0);
    // The e-mail is kept only as a keyed hash.
    expect((rows[0].email_hash as Buffer).length).toBe(32);
    expect(JSON.stringify(t.core.services.db.prepare('SELECT * FROM ledger_entries').all())).not.toMatch(
      /example/i,
    );

    expect(await getDrop(drop.id)).toMatchObject({ sold: 1, stock: 4, oversold: 0 });
    expect((await stats()).stripe).toMatchObject({
      accepted: 1,
      duplicate: 4,
      rejected: 0,
      configured: true,
    });
  });

  it('a forged, tampered or stale signature writes nothing, is counted and raises the alarm', async () => {
    const drop = await startLiveDrop(t);
    const link = await linkFor(drop.id);
    const alarms: WebhookRejected[] = [];
    t.core.services.events.on('webhook:rejected', (r) => alarms.push(r));
    const event = stripeEvent(
      'checkout.session.completed',
      checkoutSession({ client_reference_id: link.code }),
      now(),
    );
    const payload = JSON.stringify(event);

    const forged = await postStripe(t.url, payload, stripeSignature(payload, now(), 'whsec_not_ours'));
    const tampered = await postStripe(
      t.url,
      payload.replace('"amount_total":2500', '"amount_total":1'),
      stripeSignature(payload, now()),
    );
    const stale = await postStripe(t.url, payload, stripeSignature(payload, now() - 301_000));
    const unsigned = await fetch(`${t.url}/webhooks/stripe`, { method: 'POST', body: payload });
    for (const res of [forged, tampered, stale, unsigned]) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as { received: boolean }).received).toBe(false);
    }

    expect(ledger()).toEqual([]);
    expect((await getDrop(drop.id)).sold).toBe(0);
    const s = await stats();
    expect(s.stripe).toMatchObject({ accepted: 0, rejected: 4 });
    expect(s.lastRejection).toMatchObject({ source: 'stripe' });
    expect(alarms.map((a) => a.source)).toEqual(['stripe', 'stripe', 'stripe', 'stripe']);
    expect(alarms[2].reason).toMatch(/tolerance/);
    // Inside Stripe's default tolerance (300 s) a delayed delivery is fine.
    expect((await postStripe(t.url, payload, stripeSignature(payload, now() - 290_000))).status).toBe(200);
  });

  it('a payment arriving after the drop ended is posted and flagged, oversold when over stock', async () => {
    const drop = await startLiveDrop(t, { stock: 1, durationSec: 60 });
    const link = await linkFor(drop.id);
    const paidAt = now() + 30_000;
    time.advance(30_000);
    // The last unit goes at the stand while the buyer is still paying online.
    const manual = await t.api('/api/sales', {
      method: 'POST',
      json: {
        dropId: drop.id,
        quantity: 1,
        amountCents: 2500,
        currency: 'EUR',
        source: 'manual',
        externalId: 'stand-1',
      },
    });
    expect(manual.status).toBe(201);
    time.advance(10 * 60_000);
    expect((await getDrop(drop.id)).state).not.toBe('live');

    const event = stripeEvent(
      'checkout.session.completed',
      checkoutSession({ client_reference_id: link.code }, paidAt),
      paidAt,
    );
    const res = await deliver(event);
    expect(res.status).toBe(200);

    const posted = ledger().find((r) => r.source === 'stripe');
    expect(posted).toMatchObject({ drop_id: drop.id, oversold: 1, late: 1, at: event.created * 1000 });
    expect(await getDrop(drop.id)).toMatchObject({ sold: 2, stock: 0, oversold: 1 });
    // The rollup counts it at the minute it was paid, not the minute it reached us.
    const rows = await minuteRows(drop.id);
    expect(rows.reduce((n, r) => n + r.sales, 0)).toBe(2);
    expect(rows.every((r) => r.minute <= paidAt)).toBe(true);
  });

  it('posts a sale for a code it does not know without a drop, never refusing money', async () => {
    const event = stripeEvent(
      'checkout.session.completed',
      checkoutSession({ client_reference_id: 'nope' }),
      now(),
    );
    expect((await deliver(event)).status).toBe(200);
    expect(ledger()).toEqual([expect.objectContaining({ drop_id: null, tier_id: null, amount_cents: 2500 })]);
  });

  it('a refund restores stock and reduces revenue; a partial refund gives back what it covers', async () => {
    const drop = await startLiveDrop(t, { stock: 5 });
    const link = await linkFor(drop.id);
    const session = checkoutSession(
      { client_reference_id: link.code, amount_total: 5000, metadata: { quantity: '2' } },
      now(),
    );
    await deliver(stripeEvent('checkout.session.completed', session, now()));
    expect(await getDrop(drop.id)).toMatchObject({ sold: 2, stock: 3 });

    // Half back: one unit of two, restocked (the drop's default).
    time.advance(60_000);
    const first = { id: 're_test_1', amount: 2500, createdMs: now() };
    const partial = stripeEvent(
      'charge.refunded',
      refundedCharge(session.payment_intent, 5000, [first]),
      now(),
    );
    expect((await deliver(partial)).status).toBe(200);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 1, stock: 4 });
    let rows = await minuteRows(drop.id);
    expect(rows.reduce((n, r) => n + r.revenueCents, 0)).toBe(2500);
    expect(rows.reduce((n, r) => n + r.sales, 0)).toBe(1);

    // Stripe's next event lists both refunds: only the new one is posted.
    time.advance(60_000);
    const second = { id: 're_test_2', amount: 2500, createdMs: now() };
    const full = stripeEvent(
      'charge.refunded',
      refundedCharge(session.payment_intent, 5000, [first, second]),
      now(),
    );
    expect((await deliver(full)).status).toBe(200);
    const refunds = ledger().filter((r) => r.kind === 'refund');
    expect(refunds.map((r) => [r.external_id, r.amount_cents, r.quantity])).toEqual([
      ['re_test_1', -2500, -1],
      ['re_test_2', -2500, -1],
    ]);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 0, stock: 5 });
    rows = await minuteRows(drop.id);
    expect(rows.reduce((n, r) => n + r.revenueCents, 0)).toBe(0);
    expect(rows.reduce((n, r) => n + r.units, 0)).toBe(0);
    expect(rows.reduce((n, r) => n + r.sales, 0)).toBe(0);
    const movements = t.core.services.db
      .prepare("SELECT delta FROM inventory_movements WHERE reason = 'refund'")
      .all();
    expect(movements).toEqual([{ delta: 1 }, { delta: 1 }]);
  });

  it('keeps refunded units sold when the drop says refunds do not restock', async () => {
    const drop = await startLiveDrop(t, { stock: 5 });
    const set = await t.api(`/api/drops/${drop.id}/ledger-settings`, {
      method: 'PATCH',
      json: { restockOnRefund: false },
    });
    expect(set.status).toBe(200);
    const link = await linkFor(drop.id);
    const session = checkoutSession({ client_reference_id: link.code }, now());
    await deliver(stripeEvent('checkout.session.completed', session, now()));
    const refund = refundedCharge(session.payment_intent, 2500, [
      { id: 're_test_9', amount: 2500, createdMs: now() },
    ]);
    expect((await deliver(stripeEvent('charge.refunded', refund, now()))).status).toBe(200);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 1, stock: 4 });
    const rows = await minuteRows(drop.id);
    expect(rows.reduce((n, r) => n + r.revenueCents, 0)).toBe(0);
  });

  it('a refund that overtakes its purchase is answered non-2xx so Stripe delivers it again', async () => {
    const refund = refundedCharge('pi_unknown', 2500, [{ id: 're_test_x', amount: 2500, createdMs: now() }]);
    expect((await deliver(stripeEvent('charge.refunded', refund, now()))).status).toBe(409);
    expect(ledger()).toEqual([]);
  });
});

describe('POST /webhooks/stripe without a secret', () => {
  it('answers 503 with a clear message and writes nothing', async () => {
    const bare = await startTestCore({ clock: time.clock, timers: time });
    try {
      const payload = JSON.stringify(stripeEvent('checkout.session.completed', checkoutSession(), now()));
      const res = await postStripe(bare.url, payload, stripeSignature(payload, now(), STRIPE_SECRET));
      expect(res.status).toBe(503);
      expect(((await res.json()) as { message: string }).message).toMatch(/DROPDECK_STRIPE_WEBHOOK_SECRET/);
      expect(bare.core.services.db.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get()).toEqual({
        n: 0,
      });
      expect(bare.core.services.db.prepare('SELECT COUNT(*) AS n FROM webhook_log').get()).toEqual({ n: 0 });
    } finally {
      await bare.stop();
    }
  });
});
