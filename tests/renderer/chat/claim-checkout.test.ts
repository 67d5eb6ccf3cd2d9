import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { launchChromium } from '../../support/chromium';
import { RENDERER_DIR } from '../overlay/overlay-build';
import { assertChatPagesBuilt } from './chat-build';
import { openViewer, sendLine } from './chat-pages';

/**
 * `!claim` in two taps: the reply's Claim button opens the holds page (`GET /hold/:code`, from the
 * ledger branch), whose "Reserve my unit" form holds a unit and 303s to the checkout with
 * `client_reference_id`. Needs that holds page: it passes once the ledger branch is merged.
 */
let t: TestCore;
let browser: Browser;

beforeAll(async () => {
  assertChatPagesBuilt();
  t = await startTestCore({ rendererDir: RENDERER_DIR });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('!claim from the viewer chat', () => {
  it('ends at the checkout with a hold, in two taps', async () => {
    await startLiveDrop(t, { title: 'Claim mug', stock: 3 });
    const viewer = await openViewer(browser, `${t.url}/chat`, 'Kim');
    // The shop is not reachable from here; its checkout page is stood in for.
    await viewer
      .context()
      .route('https://shop.example.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Checkout</title>' }),
      );
    await sendLine(viewer, '!claim');
    const claim = viewer.locator('.line--reply a.action', { hasText: 'Claim' });
    await claim.waitFor();
    expect(await claim.getAttribute('href')).toMatch(/^\/hold\/[A-Za-z0-9_-]+\?claim=1$/);
    const opened = viewer.waitForResponse((r) => /\/hold\//.test(r.url()));
    await claim.click(); // tap 1
    expect((await opened).status(), 'GET /hold/:code?claim=1 shows the reserve page').toBe(200);
    const reserve = viewer.getByRole('button', { name: 'Reserve my unit' });
    await reserve.waitFor();
    await reserve.click(); // tap 2
    await viewer.waitForURL(/^https:\/\/shop\.example\.com\/.*client_reference_id=/);
    await viewer.context().close();
  });
});
