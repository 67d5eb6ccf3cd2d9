import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../../shared/drops';
import type { WebhookStats } from '../../../../../shared/ledger';
import type { Link } from '../../../../../shared/links';
import { startLiveDrop, startTestCore, type TestCore } from '../../../../support/core-harness';
import { ManualTimers } from '../../../../support/manual-timers';
import { PHONE_UA } from '../../../../support/scan';
import { postShopify, shopifyHmac, WEBHOOK_ENV } from '../../../../support/webhooks';

let t: TestCore;
let time: ManualTimers;
beforeEach(async () => {
  time = new ManualTimers();
  t = await startTestCore({ clock: time.clock, timers: time, env: WEBHOOK_ENV });
});
afterEach(async () => {
  await t.stop();
});

const getDrop = async (id: number): Promise<Drop> => (await (await t.api(`/api/drops/${id}`)).json()) as Drop;
const ledger = () =>
  t.core.services.db.prepare<[], Record<string, unknown>>('SELECT * FROM ledger_entries ORDER BY id').all();
async function linkFor(dropId: number): Promise<Link> {
  return (await (
    await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint: 'stream' } })
  ).json()) as Link;
}

/** An `orders/create` payload following Shopify's Order resource, trimmed to the usual fields. */
function order(over: Record<string, unknown> = {}) {
  return {
    id: 5678901234567,
    admin_graphql_api_id: 'gid://shopify/Order/820982911946154508',
    created_at: new Date(time.clock.now()).toISOString(),
    currency: 'EUR',
    email: 'jon@example.com',
    financial_status: 'paid',
    total_price: '65.00',
    note_attributes: [],
    line_items: [
      {
        id: 13521230512234,
        sku: 'MUG-STD',
        variant_id: 808950810,
        quantity: 1,
        price: '25.00',
        total_discount: '0.00',
      },
      {
        id: 13521230545002,
        sku: 'TEE-M',
        variant_id: 457924702,
        quantity: 1,
        price: '40.00',
        total_discount: '0.00',
      },
    ],
    ...over,
  };
}

describe('POST /webhooks/shopify', () => {
  it('accepts a valid HMAC and refuses a tampered body, writing nothing for it', async () => {
    const drop = await startLiveDrop(t, { stock: 5 });
    const map = await t.api(`/api/tiers/${drop.tiers[0].id}/mappings`, {
      method: 'POST',
      json: { kind: 'sku', value: 'MUG-STD' },
    });
    expect(map.status).toBe(200);
    const link = await linkFor(drop.id);
    const payload = JSON.stringify(order({ note_attributes: [{ name: 'dropdeck_ref', value: link.code }] }));

    const tampered = payload.replace('"25.00"', '"0.01"');
    const bad = await postShopify(t.url, 'orders/create', tampered, { hmac: shopifyHmac(payload) });
    expect(bad.status).toBe(400);
    const wrongKey = await postShopify(t.url, 'orders/create', payload, {
      hmac: shopifyHmac(payload, 'other'),
    });
    expect(wrongKey.status).toBe(400);
    expect(ledger()).toEqual([]);

    const good = await postShopify(t.url, 'orders/create', payload);
    expect(good.status).toBe(200);
    const rows = ledger();
    // One purchase per line: the mapped SKU is the drop's tier, the other line posts without a drop.
    expect(rows.map((r) => [r.external_id, r.drop_id, r.tier_id, r.amount_cents, r.link_code])).toEqual([
      ['5678901234567:13521230512234', drop.id, drop.tiers[0].id, 2500, link.code],
      ['5678901234567:13521230545002', null, null, 4000, null],
    ]);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 1, stock: 4 });
    const stats = (await (await t.api('/api/webhooks/stats')).json()) as WebhookStats;
    expect(stats.shopify).toMatchObject({ accepted: 1, rejected: 2, configured: true });
  });

  it('deduplicates on X-Shopify-Webhook-Id, and on the order line if Shopify re-sends under a new id', async () => {
    const drop = await startLiveDrop(t, { stock: 5 });
    await t.api(`/api/tiers/${drop.tiers[0].id}/mappings`, {
      method: 'POST',
      json: { kind: 'shopify_variant', value: '808950810' },
    });
    const payload = JSON.stringify(order());
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await postShopify(t.url, 'orders/create', payload, { webhookId: 'wh-1' }));
    answers.push(await postShopify(t.url, 'orders/create', payload, { webhookId: 'wh-2' }));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(((await answers[1].json()) as { outcome: string }).outcome).toBe('duplicate');
    expect(ledger()).toHaveLength(2);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 1, stock: 4 });
    const stats = (await (await t.api('/api/webhooks/stats')).json()) as WebhookStats;
    expect(stats.shopify).toMatchObject({ accepted: 2, duplicate: 2 });
  });

  it('a partial refund gives back its units and money; a no-restock refund keeps the stock as it is', async () => {
    const drop = await startLiveDrop(t, { stock: 5 });
    await t.api(`/api/tiers/${drop.tiers[0].id}/mappings`, {
      method: 'POST',
      json: { kind: 'sku', value: 'MUG-STD' },
    });
    const o = order({
      line_items: [
        { id: 11, sku: 'MUG-STD', variant_id: 1, quantity: 3, price: '25.00', total_discount: '0.00' },
      ],
    });
    await postShopify(t.url, 'orders/create', JSON.stringify(o));
    expect(await getDrop(drop.id)).toMatchObject({ sold: 3, stock: 2 });

    const refund = (id: number, quantity: number, restock: string) => ({
      id,
      order_id: o.id,
      created_at: new Date(time.clock.now()).toISOString(),
      note: 'cracked',
      refund_line_items: [
        {
          id: id * 10,
          line_item_id: 11,
          quantity,
          restock_type: restock,
          subtotal: 25 * quantity,
          total_tax: 0,
        },
      ],
      transactions: [{ amount: `${25 * quantity}.00`, kind: 'refund', status: 'success' }],
    });
    expect((await postShopify(t.url, 'refunds/create', JSON.stringify(refund(1, 1, 'return')))).status).toBe(
      200,
    );
    expect(await getDrop(drop.id)).toMatchObject({ sold: 2, stock: 3 });
    expect(
      (await postShopify(t.url, 'refunds/create', JSON.stringify(refund(2, 1, 'no_restock')))).status,
    ).toBe(200);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 2, stock: 3 });

    const refunds = ledger().filter((r) => r.kind === 'refund');
    expect(refunds.map((r) => [r.amount_cents, r.quantity, r.related_entry_id])).toEqual([
      [-2500, -1, ledger()[0].id],
      [-2500, -1, ledger()[0].id],
    ]);
    const net = t.core.services.db
      .prepare('SELECT SUM(amount_cents) AS revenue, SUM(quantity) AS units FROM ledger_entries')
      .get();
    expect(net).toEqual({ revenue: 2500, units: 1 });
  });

  it('a hold travels as the cart attribute and the order turns it into the sale', async () => {
    const drop = await startLiveDrop(t, {
      stock: 2,
      checkoutUrl: 'https://glow.myshopify.com/cart/808950810:1?channel=buy_button',
    });
    await t.api(`/api/drops/${drop.id}/ledger-settings`, {
      method: 'PATCH',
      json: { holds: { mode: 'always' } },
    });
    const link = await linkFor(drop.id);
    const tap = await fetch(`${t.url}/hold/${link.code}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'user-agent': PHONE_UA },
    });
    expect(tap.status).toBe(303);
    const location = new URL(tap.headers.get('location') ?? '');
    const ref = location.searchParams.get('attributes[dropdeck_ref]') ?? '';
    expect(ref).toMatch(/^h_/);
    expect(location.searchParams.get('client_reference_id')).toBe(ref);
    expect(location.searchParams.get('channel')).toBe('buy_button');
    expect(await getDrop(drop.id)).toMatchObject({ stock: 1, held: 1 });

    const o = order({
      note_attributes: [{ name: 'dropdeck_ref', value: ref }],
      line_items: [
        { id: 21, sku: null, variant_id: 808950810, quantity: 1, price: '25.00', total_discount: '0.00' },
      ],
    });
    expect((await postShopify(t.url, 'orders/create', JSON.stringify(o))).status).toBe(200);
    expect(await getDrop(drop.id)).toMatchObject({ stock: 1, held: 0, sold: 1 });
    expect(ledger()[0]).toMatchObject({ drop_id: drop.id, link_code: link.code, payment_ref: String(o.id) });
  });

  it('refuses malformed payloads with 400 and writes nothing', async () => {
    for (const body of ['not json', JSON.stringify({ id: 1, line_items: 'x' })]) {
      expect((await postShopify(t.url, 'orders/create', body)).status).toBe(400);
    }
    expect(ledger()).toEqual([]);
  });
});
