import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecentSale } from '../../../../../shared/hub-events';
import type { Drop } from '../../../../../shared/drops';
import type { Link } from '../../../../../shared/links';
import type { Sale } from '../../../../../shared/sales';
import { sampleDrop, startTestCore, type TestCore, startLiveDrop } from '../../../../support/core-harness';
import { ManualTimers } from '../../../../support/manual-timers';

let t: TestCore;
let time: ManualTimers;
beforeEach(async () => {
  time = new ManualTimers();
  t = await startTestCore({ clock: time.clock, timers: time });
});
afterEach(async () => {
  await t.stop();
});

const liveDrop = (over: Record<string, unknown> = {}): Promise<Drop> => startLiveDrop(t, over);

let nextId = 1;
const sale = (dropId: number, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  dropId,
  quantity: 1,
  amountCents: 2500,
  currency: 'EUR',
  source: 'manual',
  externalId: `order-${nextId++}`,
  ...over,
});

const post = (body: unknown): Promise<Response> => t.api('/api/sales', { method: 'POST', json: body });
async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}
async function linkFor(dropId: number, touchpoint: string): Promise<string> {
  const res = await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint } });
  return ((await res.json()) as Link).code;
}
const getDrop = async (id: number): Promise<Drop> => (await (await t.api(`/api/drops/${id}`)).json()) as Drop;

describe('POST /api/sales on the last units', () => {
  it('100 parallel sales for 10 units: exactly 10 succeed, the rest are told stock is short', async () => {
    const drop = await liveDrop({ stock: 10 });
    const responses = await Promise.all(Array.from({ length: 100 }, () => post(sale(drop.id))));

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(90);
    const refusals = await Promise.all(responses.filter((r) => r.status === 409).map(errorOf));
    expect(new Set(refusals.map((e) => e.code))).toEqual(new Set(['insufficient_stock']));
    expect(refusals[0].message).toMatch(/Glow mug" is sold out/);

    expect(await getDrop(drop.id)).toMatchObject({ sold: 10, stock: 0, state: 'sold_out' });
    const [ledger] = t.core.services.db
      .prepare('SELECT COUNT(*) AS n, SUM(quantity) AS units FROM ledger_entries')
      .all();
    expect(ledger).toEqual({ n: 10, units: 10 });
    const stats = (await (await t.api(`/api/drops/${drop.id}/stats`)).json()) as {
      rows: Array<{ sales: number; units: number; revenueCents: number }>;
    };
    expect(stats.rows.reduce((n, r) => n + r.sales, 0)).toBe(10);
    expect(stats.rows.reduce((n, r) => n + r.revenueCents, 0)).toBe(25_000);
  });

  it('never oversells a tier while the drop stays live on another tier', async () => {
    const drop = await liveDrop({ stock: 10, tiers: [{ name: 'Bundle', stock: 5, priceCents: 4000 }] });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(sale(drop.id, { quantity: 3, amountCents: 7500 }))),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    const refusals = await Promise.all(responses.filter((r) => r.status !== 201).map(errorOf));
    expect(refusals).toHaveLength(47);
    expect(new Set(refusals.map((e) => e.message))).toEqual(
      new Set(['Only 1 left of "Glow mug" (Standard); this sale asks for 3.']),
    );
    expect(await getDrop(drop.id)).toMatchObject({ state: 'live', stock: 6, sold: 9 });
  });

  it('says how many are left when a sale asks for more', async () => {
    const drop = await liveDrop({ stock: 2 });
    const res = await post(sale(drop.id, { quantity: 3 }));
    expect(await errorOf(res)).toEqual({
      status: 409,
      code: 'insufficient_stock',
      message: 'Only 2 left of "Glow mug"; this sale asks for 3.',
    });
    expect((await getDrop(drop.id)).stock).toBe(2);
  });

  it('sells from the named tier, each tier with its own stock', async () => {
    const drop = await liveDrop({ stock: 5, tiers: [{ name: 'Bundle', stock: 1, priceCents: 4000 }] });
    const bundle = drop.tiers[1].id;
    expect((await post(sale(drop.id, { tierId: bundle, amountCents: 4000 }))).status).toBe(201);
    const second = await errorOf(await post(sale(drop.id, { tierId: bundle, amountCents: 4000 })));
    expect(second.message).toBe('"Glow mug" (Bundle) is sold out.');
    expect(await getDrop(drop.id)).toMatchObject({ state: 'live', stock: 5, sold: 1 });
  });
});

describe('idempotency', () => {
  it('a repeated externalId answers 200 with the first sale and sells nothing more', async () => {
    const drop = await liveDrop({ stock: 5 });
    const body = sale(drop.id, { source: 'stripe', externalId: 'pi_123' });
    const first = await post(body);
    const again = await post(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = (await Promise.all([first.json(), again.json()])) as [Sale, Sale];
    expect(a.duplicate).toBe(false);
    expect(b).toEqual({ ...a, duplicate: true });
    expect((await getDrop(drop.id)).sold).toBe(1);
  });

  it('refuses to reuse an externalId for a different sale', async () => {
    const drop = await liveDrop({ stock: 5 });
    await post(sale(drop.id, { externalId: 'x-1' }));
    const res = await errorOf(await post(sale(drop.id, { externalId: 'x-1', quantity: 2 })));
    expect(res).toMatchObject({ status: 409, code: 'conflict' });
    expect(res.message).toMatch(/already recorded with different details/);
  });
});

describe('early access', () => {
  it('only members links can buy before the public window; then everyone can', async () => {
    const drop = await liveDrop({ earlyAccessSec: 120 });
    const members = await linkFor(drop.id, 'members');
    const stream = await linkFor(drop.id, 'stream');

    const anonymous = await errorOf(await post(sale(drop.id)));
    expect(anonymous).toEqual({
      status: 409,
      code: 'invalid_transition',
      message: `Drop ${drop.id} "Glow mug" is in members-only early access for 2 min more; only sales through a members link (ref) can be recorded until then.`,
    });
    expect((await errorOf(await post(sale(drop.id, { ref: stream })))).code).toBe('invalid_transition');
    const member = await post(sale(drop.id, { ref: members }));
    expect(member.status).toBe(201);
    expect(((await member.json()) as Sale).touchpoint).toBe('members');

    time.advance(120_000);
    const viaStream = await post(sale(drop.id, { ref: stream }));
    expect(((await viaStream.json()) as Sale).touchpoint).toBe('stream');
    const direct = await post(sale(drop.id, { ref: 'unknowncode1' }));
    expect(((await direct.json()) as Sale).touchpoint).toBe('direct');
  });
});

describe('per-buyer cap', () => {
  it('stops a buyer at the cap and says why; other buyers are unaffected', async () => {
    const drop = await liveDrop({ perBuyerCap: 2 });
    expect((await post(sale(drop.id, { buyerRef: 'sam' }))).status).toBe(201);
    expect((await post(sale(drop.id, { buyerRef: 'sam' }))).status).toBe(201);
    const third = await errorOf(await post(sale(drop.id, { buyerRef: 'sam' })));
    expect(third).toEqual({
      status: 409,
      code: 'conflict',
      message: `Drop ${drop.id} "Glow mug" allows at most 2 per buyer; this buyer already has 2 and this sale asks for 1.`,
    });
    expect((await post(sale(drop.id, { buyerRef: 'alex' }))).status).toBe(201);
    expect((await post(sale(drop.id, { quantity: 3 }))).status).toBe(409);
    expect((await getDrop(drop.id)).sold).toBe(3);
  });
});

describe('refusals', () => {
  it('rejects bad input with the field at fault', async () => {
    const drop = await liveDrop();
    const missing = await errorOf(await post({ dropId: drop.id, quantity: 1 }));
    expect(missing).toMatchObject({ status: 400, code: 'bad_request' });
    expect(missing.message).toMatch(/amountCents/);
    expect((await errorOf(await post(sale(drop.id, { quantity: 0 })))).status).toBe(400);
    expect((await errorOf(await post(sale(drop.id, { source: 'paypal' })))).status).toBe(400);
  });

  it('rejects a currency other than the drop’s, an unknown drop and an unknown tier', async () => {
    const drop = await liveDrop();
    expect(await errorOf(await post(sale(drop.id, { currency: 'USD' })))).toEqual({
      status: 400,
      code: 'bad_request',
      message: `Drop ${drop.id} sells in EUR; this sale is in USD.`,
    });
    expect((await errorOf(await post(sale(9999)))).status).toBe(404);
    expect((await errorOf(await post(sale(drop.id, { tierId: 9999 })))).message).toMatch(/has no tier 9999/);
  });

  it('refuses sales before a drop starts and after it ends', async () => {
    const draft = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as Drop;
    const early = await errorOf(await post(sale(draft.id)));
    expect(early).toMatchObject({ status: 409, code: 'invalid_transition' });
    expect(early.message).toMatch(/has not started yet/);

    const drop = await liveDrop();
    time.clock.advance(6 * 60_000);
    const late = await errorOf(await post(sale(drop.id)));
    expect(late).toMatchObject({ status: 409, code: 'invalid_transition' });
    expect(late.message).toMatch(/has ended/);
  });
});

describe('what a sale leaves behind', () => {
  it('audits the sale and the sell-out with the actor, and announces the sale', async () => {
    const announced: RecentSale[] = [];
    t.core.services.events.on('sale:recorded', (s) => announced.push(s));
    const drop = await liveDrop({ stock: 1 });
    await post(sale(drop.id, { buyerDisplay: 'Sam' }));

    const log = t.core.services.audit.list({ subjectType: 'drop', subjectId: drop.id }).reverse();
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['drop:create', 'host'],
      ['drop:start', 'host'],
      ['sale:record', 'host'],
      ['drop:soldOut', 'host'],
    ]);
    expect(announced).toEqual([{ dropId: drop.id, quantity: 1, buyerDisplay: 'Sam', at: time.clock.now() }]);
    const movements = t.core.services.db
      .prepare("SELECT delta, reason FROM inventory_movements WHERE reason = 'sale'")
      .all();
    expect(movements).toEqual([{ delta: -1, reason: 'sale' }]);
  });
});
