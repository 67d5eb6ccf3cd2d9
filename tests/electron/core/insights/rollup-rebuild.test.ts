import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DropStats } from '../../../../shared/stats';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { RawFacts } from '../../../support/raw-facts';
import { ANDROID, createShow, IPHONE, json, link, liveDropInShow, scanAs } from './show-helpers';

const T0 = Date.UTC(2026, 10, 21, 18, 0, 7);
const BOT = 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)';

describe('stats:rebuild derives minute_stats again from clicks and ledger entries', () => {
  let t: TestCore;
  let clock: ManualClock;
  let raw: RawFacts;

  beforeEach(async () => {
    clock = new ManualClock(T0);
    t = await startTestCore({ clock });
    raw = new RawFacts(t.dataDir);
  });
  afterEach(async () => {
    raw.close();
    await t.stop();
  });

  it('equals the live rollup after scans (humans, repeats, bots, QR and links) and sales over several minutes', async () => {
    const show = await createShow(t, { name: 'Rollup' });
    const a = await liveDropInShow(t, show.id, { stock: 50 });
    const b = await liveDropInShow(t, show.id, { stock: 50, title: 'Second' });
    const links = [await link(t, a.id, 'stream'), await link(t, a.id, 'dm'), await link(t, b.id, 'venue')];
    for (let i = 0; i < 40; i++) {
      clock.t = T0 + i * 17_000; // crosses about a dozen minute boundaries
      const l = links[i % 3];
      const ua = i % 7 === 0 ? BOT : i % 2 ? IPHONE : ANDROID;
      await scanAs(t, l, `203.0.113.${i % 5}`, ua, i % 2 === 0);
      if (i % 6 === 0) {
        await json(
          await t.api('/api/sales', {
            method: 'POST',
            json: {
              dropId: l.dropId,
              quantity: 1 + (i % 3),
              amountCents: 1000 + i,
              currency: 'EUR',
              source: 'manual',
              externalId: `s${i}`,
              ref: l.code,
            },
          }),
          201,
        );
      }
    }
    // Refunds, some minutes later: one purchase wholly (in two parts), one in part.
    const purchases = raw.all<{ id: number; amount_cents: number }>(
      "SELECT id, amount_cents FROM ledger_entries WHERE kind = 'purchase' AND drop_id = ? ORDER BY id",
      a.id,
    );
    const refund = async (id: number, amountCents: number): Promise<void> => {
      clock.t += 61_000;
      await json(
        await t.api(`/api/ledger/entries/${id}/refunds`, {
          method: 'POST',
          json: { amountCents, quantity: 0 },
        }),
        201,
      );
    };
    await refund(purchases[0].id, 400);
    await refund(purchases[0].id, purchases[0].amount_cents - 400);
    await refund(purchases[1].id, 250);
    const stats = async (id: number) => (await json<DropStats>(await t.api(`/api/drops/${id}/stats`))).rows;
    const liveA = await stats(a.id);
    const liveB = await stats(b.id);
    expect(liveA.reduce((n, r) => n + r.botClicks, 0)).toBeGreaterThan(0);
    expect(liveA.reduce((n, r) => n + r.sales, 0)).toBe(purchases.length - 1);
    expect(liveA.some((r) => r.revenueCents < 0)).toBe(true);

    // Wreck the rollup behind the core's back, then rebuild the whole show.
    raw.run('UPDATE minute_stats SET clicks = clicks + 5, revenue_cents = 0 WHERE drop_id = ?', a.id);
    raw.run(
      'DELETE FROM minute_stats WHERE drop_id = ? AND minute = (SELECT min(minute) FROM minute_stats)',
      a.id,
    );
    expect(await stats(a.id)).not.toEqual(liveA);
    const out = await json<{ dropIds: number[]; rows: number }>(
      await t.api('/api/stats/rebuild', { method: 'POST', json: { show: show.id } }),
    );
    expect(out.dropIds).toEqual([a.id, b.id]);
    expect(await stats(a.id)).toEqual(liveA);
    expect(await stats(b.id)).toEqual(liveB);
    // One drop alone, too; and the rebuild is audited.
    await json(await t.api('/api/stats/rebuild', { method: 'POST', json: { dropId: b.id } }));
    expect(await stats(b.id)).toEqual(liveB);
    const audit = raw.all<{ action: string }>("SELECT action FROM audit_log WHERE action = 'stats:rebuild'");
    expect(audit).toHaveLength(2);
  });

  it('refuses both or neither target, and unknown ones', async () => {
    expect((await t.api('/api/stats/rebuild', { method: 'POST', json: {} })).status).toBe(400);
    expect((await t.api('/api/stats/rebuild', { method: 'POST', json: { show: 1, dropId: 1 } })).status).toBe(
      400,
    );
    expect((await t.api('/api/stats/rebuild', { method: 'POST', json: { dropId: 99 } })).status).toBe(404);
    expect((await t.api('/api/stats/rebuild', { method: 'POST', json: { show: 99 } })).status).toBe(404);
    expect(
      (await t.api('/api/stats/rebuild', { method: 'POST', json: { show: 1 }, token: null })).status,
    ).toBe(401);
  });
});
