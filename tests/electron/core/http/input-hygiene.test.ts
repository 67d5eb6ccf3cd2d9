import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';

const errorOf = async (res: Response): Promise<{ code: string; message: string }> =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe('input hygiene', () => {
  let t: TestCore;
  let drop: Drop;
  beforeAll(async () => {
    t = await startTestCore();
    drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as Drop;
  });
  afterAll(() => t.stop());

  it('reads ids strictly: only plain digits name a drop', async () => {
    expect((await t.api(`/api/drops/${drop.id}`)).status).toBe(200);
    for (const id of [
      `0${drop.id}`,
      `${drop.id}e0`,
      `0x${drop.id.toString(16)}`,
      `+${drop.id}`,
      `${drop.id}.0`,
      ' 1',
      '1e3',
      '-1',
      '0',
    ]) {
      const res = await t.api(`/api/drops/${encodeURIComponent(id)}`);
      expect([400, 404], id).toContain(res.status);
    }
    expect((await t.api('/api/drops/1/stats?from=1e3')).status).toBe(400);
  });

  it('refuses a schedule more than a year ahead', async () => {
    const res = await t.api(`/api/drops/${drop.id}/schedule`, {
      method: 'POST',
      json: { at: Date.now() + 400 * 24 * 3600_000 },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/more than a year away/);
  });

  it('refuses control characters and bidi overrides in anything shown to people', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/drops', sampleDrop({ title: 'Mug \u202Egnp.exe' })],
      ['POST', '/api/drops', sampleDrop({ title: 'Mug\u0007' })],
      ['POST', '/api/drops', sampleDrop({ tiers: [{ name: 'VIP\u2066', stock: 1, priceCents: 1 }] })],
      ['POST', '/api/touchpoints', { key: 'venue-2', kind: 'venue_qr', label: 'Door\nB' }],
      [
        'POST',
        '/api/sales',
        {
          dropId: drop.id,
          quantity: 1,
          amountCents: 1,
          currency: 'EUR',
          source: 'manual',
          externalId: 'x1',
          buyerDisplay: 'Sam\u202E',
        },
      ],
      ['POST', '/api/devices/pair', { code: 'ABCDEFGHJK', name: 'Phone\u0000' }],
    ];
    for (const [method, path, json] of cases) {
      const res = await t.api(path, { method, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect((await errorOf(res)).message).toMatch(/control characters or bidi overrides/);
    }
  });

  it('refuses checkout URLs with a user name or password in them', async () => {
    for (const checkoutUrl of ['https://user:pw@shop.example.com/x', 'https://token@shop.example.com/']) {
      const res = await t.api('/api/drops', { method: 'POST', json: sampleDrop({ checkoutUrl }) });
      expect(res.status, checkoutUrl).toBe(400);
      expect((await errorOf(res)).message).toMatch(/must not contain a user name or password/);
    }
    const fine = await t.api('/api/drops', {
      method: 'POST',
      json: sampleDrop({ checkoutUrl: 'https://shop.example.com/p?email=a@b.example' }),
    });
    expect(fine.status).toBe(201);
  });
});
