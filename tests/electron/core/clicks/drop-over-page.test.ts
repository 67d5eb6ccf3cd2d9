import { afterEach, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import type { Link } from '../../../../shared/links';
import type { DropStats } from '../../../../shared/stats';
import { sampleDrop, startLiveDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { ManualTimers } from '../../../support/manual-timers';
import { scan } from '../../../support/scan';

describe('scans of a sold-out or ended drop (issue 7.6)', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  const linkFor = async (dropId: number): Promise<Link> =>
    (await (
      await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint: 'stream' } })
    ).json()) as Link;
  const clicks = async (dropId: number): Promise<number> =>
    ((await (await t.api(`/api/drops/${dropId}/stats`)).json()) as DropStats).rows.reduce(
      (n, r) => n + r.clicks,
      0,
    );

  it('lands on a "what\'s next" page instead of the checkout, and still counts the scan', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 21, 18, 0, 0));
    t = await startTestCore({ clock, timers: new ManualTimers() });
    const live = await startLiveDrop(t, { durationSec: 60 });
    const link = await linkFor(live.id);
    const upcoming = (await (
      await t.api('/api/drops', { method: 'POST', json: sampleDrop({ title: 'Night <owl> tee' }) })
    ).json()) as Drop;
    const at = Date.UTC(2026, 10, 21, 20, 0, 0);
    expect((await t.api(`/api/drops/${upcoming.id}/schedule`, { method: 'POST', json: { at } })).status).toBe(
      200,
    );

    expect((await scan(t.url, `/r/${link.code}`, { ip: '203.0.113.1' })).status).toBe(302);
    // The deadline passed but the (manual) timer never fired: it counts as ended all the same.
    clock.advance(61_000);
    const over = await scan(t.url, `/r/${link.code}`, { ip: '203.0.113.2' });
    expect(over.status).toBe(200);
    expect(over.headers.get('location')).toBeNull();
    const html = await over.text();
    expect(html).toContain('This drop has ended');
    expect(html).toContain('Night &lt;owl&gt; tee');
    expect(html).toContain(new Date(at).toISOString());
    expect(await clicks(live.id)).toBe(2);
  });

  it('shows the sold-out page once the last unit is sold', async () => {
    t = await startTestCore();
    const live = await startLiveDrop(t, { stock: 1 });
    const link = await linkFor(live.id);
    const sale = await t.api('/api/sales', {
      method: 'POST',
      json: {
        dropId: live.id,
        ref: link.code,
        quantity: 1,
        amountCents: 2500,
        currency: 'EUR',
        externalId: 'order-1',
        source: 'manual',
      },
    });
    expect(sale.status, await sale.clone().text()).toBeLessThan(300);
    const res = await scan(t.url, `/r/${link.code}?s=qr`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Sold out');
    expect(await clicks(live.id)).toBe(1);
  });
});
