import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import { sampleDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { launchChromium, openOverlay } from '../../support/chromium';
import { assertOverlaysBuilt, RENDERER_DIR } from './overlay-build';

let t: TestCore;
let browser: Browser;

beforeAll(async () => {
  assertOverlaysBuilt();
  t = await startTestCore({ rendererDir: RENDERER_DIR });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

let sales = 0;
async function sell(dropId: number, buyerDisplay: string): Promise<void> {
  const res = await t.api('/api/sales', {
    method: 'POST',
    json: {
      dropId,
      quantity: 1,
      amountCents: 2500,
      currency: 'EUR',
      source: 'manual',
      externalId: `page-${++sales}`,
      buyerDisplay,
    },
  });
  expect(res.status).toBe(201);
}

describe('ticker and sold out', () => {
  it('counts down the stock, thanks the buyers and says SOLD OUT on every overlay when the last unit sells', async () => {
    const created = (await (
      await t.api('/api/drops', { method: 'POST', json: sampleDrop({ stock: 2 }) })
    ).json()) as Drop;
    expect((await t.api(`/api/drops/${created.id}/start`, { method: 'POST' })).status).toBe(200);
    const [ticker, follower, timer, qr] = await Promise.all([
      openOverlay(browser, `${t.url}/overlay/ticker?drop=${created.id}`),
      // No ?drop: OBS one-click setup uses this to follow whichever drop is live.
      openOverlay(browser, `${t.url}/overlay/ticker?pos=top&scale=0.75`),
      openOverlay(browser, `${t.url}/overlay/timer?drop=${created.id}`),
      openOverlay(browser, `${t.url}/overlay/qr?drop=${created.id}&touchpoint=stream`),
    ]);
    await ticker.locator('#left', { hasText: '2 left' }).waitFor();
    await follower.locator('#left', { hasText: '2 left' }).waitFor();
    expect(await ticker.locator('#sold').textContent()).toBe('0 sold');
    expect(await ticker.locator('#thanks').isVisible()).toBe(false);
    await qr.locator('#qr svg').waitFor();

    await sell(created.id, 'Sam');
    await ticker.locator('#left', { hasText: '1 left' }).waitFor();
    expect(await ticker.locator('#sold').textContent()).toBe('1 sold');
    expect(await ticker.locator('#thanks').textContent()).toBe('Thanks Sam!');

    await sell(created.id, 'Kim');
    await ticker.locator('#left', { hasText: 'SOLD OUT' }).waitFor();
    expect(await ticker.locator('#thanks').textContent()).toBe('Thanks Kim & Sam!');
    await follower.locator('#left', { hasText: 'SOLD OUT' }).waitFor();
    await timer.locator('#status', { hasText: 'Sold out' }).waitFor();
    expect(await timer.locator('#time').isVisible()).toBe(false);
    // A scan could not buy any more: the code goes away, the state stays.
    await qr.locator('#status', { hasText: 'Sold out' }).waitFor();
    expect(await qr.locator('#qr').isVisible()).toBe(false);

    // A restock re-opens the drop, and the overlays follow.
    expect(
      (await t.api(`/api/drops/${created.id}/restock`, { method: 'POST', json: { units: 5 } })).status,
    ).toBe(200);
    await ticker.locator('#left', { hasText: '5 left' }).waitFor();
    await qr.locator('#qr svg').waitFor();
    for (const page of [ticker, follower, timer, qr]) await page.context().close();
  });
});
