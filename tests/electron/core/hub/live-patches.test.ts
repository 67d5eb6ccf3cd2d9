import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import type { LinkState, PublicDrop, RecentSale, StatsPatch } from '../../../../shared/hub-events';
import type { Result } from '../../../../shared/result';
import { startLiveDrop, startTestCore, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { scan } from '../../../support/scan';
import { closeAll, controlSocket, next, overlaySocket, request } from './hub-client';

let t: TestCore;
const clock = new ManualClock();

beforeAll(async () => {
  t = await startTestCore({ clock });
});
afterEach(closeAll);
afterAll(async () => {
  await t.stop();
});

const liveDrop = (over: Record<string, unknown> = {}): Promise<Drop> => startLiveDrop(t, over);

let sales = 0;
function sell(drop: Drop, quantity: number, buyerDisplay?: string): Promise<Response> {
  return t.api('/api/sales', {
    method: 'POST',
    json: {
      dropId: drop.id,
      quantity,
      amountCents: 2500 * quantity,
      currency: 'EUR',
      source: 'manual',
      externalId: `hub-${++sales}`,
      buyerDisplay,
    },
  });
}

describe('live patches', () => {
  it('tells the page about each sale: the buyer line, the stock, then sold out', async () => {
    const drop = await liveDrop({ stock: 3 });
    const page = overlaySocket(t.url, { dropId: drop.id });
    await next(page, 'state:init');

    const thanked = next<RecentSale>(page, 'sale:recorded');
    const restCount = next<PublicDrop>(page, 'drop:updated', (d) => d.stock === 1);
    expect((await sell(drop, 2, 'Sam')).status).toBe(201);
    expect(await thanked).toMatchObject({ dropId: drop.id, quantity: 2, buyerDisplay: 'Sam' });
    expect((await restCount).sold).toBe(2);

    const soldOut = next<PublicDrop>(page, 'drop:updated', (d) => d.state === 'sold_out');
    expect((await sell(drop, 1)).status).toBe(201);
    expect(await soldOut).toMatchObject({ stock: 0, sold: 3 });
  });

  it('shows a page that connects mid-drop the buyers it missed', async () => {
    const drop = await liveDrop();
    await sell(drop, 1, 'Kim');
    await sell(drop, 1);
    const init = await next<{ recentSales: RecentSale[] }>(
      overlaySocket(t.url, { dropId: drop.id }),
      'state:init',
    );
    expect(init.recentSales.map((s) => s.buyerDisplay)).toEqual([null, 'Kim']);
  });

  it('pushes per-minute stats to the panel while the drop is live', async () => {
    const drop = await liveDrop();
    const control = controlSocket(t.url, TEST_TOKEN);
    await next(control, 'state:init');
    const link = await request<Result<LinkState>>(control, 'link:current', {
      id: drop.id,
      touchpoint: 'stream',
    });
    if (!link.ok) throw new Error(link.error.message);

    const patch = next<StatsPatch>(
      control,
      'stats:updated',
      (p) => p.dropId === drop.id && p.rows.some((r) => r.qrScans === 1),
    );
    expect((await scan(t.url, `/r/${link.value.code}?s=qr`)).status).toBe(302);
    const row = (await patch).rows.find((r) => r.touchpoint === 'stream');
    expect(row).toMatchObject({ clicks: 1, qrScans: 1, minute: Math.floor(clock.now() / 60_000) * 60_000 });
  });

  it('rotates the QR link of a live drop with linkRotationSec and tells the page showing it', async () => {
    const drop = await liveDrop({ linkRotationSec: 30 });
    const page = overlaySocket(t.url, { dropId: drop.id });
    const first = await request<Result<LinkState>>(page, 'link:current', {
      dropId: drop.id,
      touchpoint: 'stream',
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.expiresAt).toBe(clock.now() + 60_000);

    const rotated = next<LinkState>(page, 'link:rotated', (l) => l.dropId === drop.id);
    clock.advance(31_000);
    const second = await rotated;
    expect(second.code).not.toBe(first.value.code);
    expect(second.touchpoint).toBe('stream');
    // The old code still works until it expires: a viewer who scanned just before still gets through.
    expect((await scan(t.url, `/r/${first.value.code}`)).status).toBe(302);
    const again = await request<Result<LinkState>>(page, 'link:current', {
      dropId: drop.id,
      touchpoint: 'stream',
    });
    expect(again).toMatchObject({ ok: true, value: { code: second.code } });
  });
});
