import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../../shared/drops';
import { sampleDrop, startTestCore, type TestCore } from '../../../../support/core-harness';

type ErrorBody = { error: { code: string; message: string } };

describe('drops CRUD', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
  });
  afterAll(() => t.stop());

  it('creates a draft drop and reads it back with state, stock, sold and endsAt', async () => {
    const res = await t.api('/api/drops', {
      method: 'POST',
      json: sampleDrop({ title: 'Tote bag', stock: 40 }),
    });
    expect(res.status).toBe(201);
    const drop = (await res.json()) as Drop;
    expect(drop).toMatchObject({
      title: 'Tote bag',
      state: 'draft',
      stock: 40,
      sold: 0,
      endsAt: null,
      priceCents: 2500,
      currency: 'EUR',
    });
    const again = (await (await t.api(`/api/drops/${drop.id}`)).json()) as Drop;
    expect(again).toEqual(drop);
    const list = (await (await t.api('/api/drops')).json()) as Drop[];
    expect(list.map((d) => d.id)).toContain(drop.id);
  });

  it('creates tiers with their own stock; the drop stock is their sum', async () => {
    const res = await t.api('/api/drops', {
      method: 'POST',
      json: sampleDrop({ stock: 20, tiers: [{ name: 'Signed bundle', stock: 5, priceCents: 6000 }] }),
    });
    const drop = (await res.json()) as Drop;
    expect(drop.stock).toBe(25);
    expect(drop.tiers.map((x) => [x.name, x.stock, x.priceCents])).toEqual([
      ['Standard', 20, 2500],
      ['Signed bundle', 5, 6000],
    ]);
  });

  it('names every invalid field in one clear 400 and stores nothing', async () => {
    const before = ((await (await t.api('/api/drops')).json()) as Drop[]).length;
    const res = await t.api('/api/drops', {
      method: 'POST',
      json: {
        title: '',
        stock: -3,
        priceCents: 12.5,
        currency: 'euro',
        durationSec: 1,
        checkoutUrl: 'javascript:alert(1)',
      },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('bad_request');
    for (const field of ['title', 'stock', 'priceCents', 'currency', 'durationSec', 'checkoutUrl'])
      expect(error.message).toContain(field);
    expect(((await (await t.api('/api/drops')).json()) as Drop[]).length).toBe(before);
  });

  it('answers malformed JSON, unknown fields and unknown ids with 4xx, never 500', async () => {
    const broken = await t.api('/api/drops', {
      method: 'POST',
      body: '{"title": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).error.code).toBe('bad_request');

    const extra = await t.api('/api/drops', { method: 'POST', json: sampleDrop({ stok: 3 }) });
    expect(extra.status).toBe(400);

    expect((await t.api('/api/drops/424242')).status).toBe(404);
    const notANumber = await t.api('/api/drops/abc');
    expect(notANumber.status).toBe(400);
    expect(((await notANumber.json()) as ErrorBody).error.message).toMatch(/id/);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await t.api('/api/drops', {
      method: 'POST',
      json: sampleDrop({ title: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('payload_too_large');
  });
});
