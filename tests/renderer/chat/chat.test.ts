import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModeratedChatMessage } from '../../../shared/chat-events';
import { startLiveDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { launchChromium, openOverlay } from '../../support/chromium';
import { RENDERER_DIR } from '../overlay/overlay-build';
import { assertChatPagesBuilt } from './chat-build';
import { openViewer, sendLine } from './chat-pages';

let t: TestCore;
let browser: Browser;

beforeAll(async () => {
  assertChatPagesBuilt();
  t = await startTestCore({ rendererDir: RENDERER_DIR });
  // Every milestone said as it happens, so the test need not wait out the announcer's gap.
  expect((await t.api('/api/chat/settings', { method: 'PATCH', json: { announceGapSec: 0 } })).status).toBe(
    200,
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

let sales = 0;
async function sell(dropId: number, quantity: number): Promise<void> {
  const res = await t.api('/api/sales', {
    method: 'POST',
    json: {
      dropId,
      quantity,
      amountCents: 2500 * quantity,
      currency: 'EUR',
      source: 'manual',
      externalId: `chat-${++sales}`,
    },
  });
  expect(res.status).toBe(201);
}

async function senderKeyOf(displayName: string): Promise<string> {
  const list = (await (await t.api('/api/chat/messages?limit=500')).json()) as ModeratedChatMessage[];
  const key = list.find((m) => m.displayName === displayName)?.senderKey;
  if (!key) throw new Error(`no message from ${displayName}`);
  return key;
}

describe('viewer chat page and chat overlay in Chromium', () => {
  it('shows a venue viewer the announcements as the drop progresses', async () => {
    const viewer = await openViewer(browser, `${t.url}/chat?src=venue`, 'Ana');
    const drop = await startLiveDrop(t, { title: 'Moon tote', stock: 4 });
    await viewer.locator('.line--announcement', { hasText: 'Moon tote is live: 4 units' }).waitFor();
    await sell(drop.id, 2);
    await viewer
      .locator('.line--announcement', { hasText: 'Half of Moon tote is gone: 2 sold, 2 left.' })
      .waitFor();
    await sell(drop.id, 2);
    await viewer.locator('.line--announcement', { hasText: 'Moon tote is sold out: 4 units' }).waitFor();
    // Her own line carries where she is: in the room.
    await sendLine(viewer, 'so fast!');
    await viewer.locator('.line[data-source="venue"]', { hasText: 'so fast!' }).waitFor();
    expect(await viewer.locator('.line[data-source="venue"] .source').first().textContent()).toBe(
      'In the room',
    );
    await viewer.context().close();
  });

  it('shows a script or HTML payload as text, on other viewers and on the overlay', async () => {
    const overlay = await openOverlay(browser, `${t.url}/overlay/chat?n=5`);
    const sender = await openViewer(browser, `${t.url}/chat`, '<b>Eve</b>');
    const reader = await openViewer(browser, `${t.url}/chat`, 'Reader');
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
    await sendLine(sender, payload);
    for (const page of [reader, overlay]) {
      await page.locator('.line .body', { hasText: '<script>window.__pwned=2</script>' }).waitFor();
      expect(await page.locator('.line .body').last().textContent()).toBe(payload);
      expect(await page.locator('.line .name').last().textContent()).toBe('<b>Eve</b>');
      expect(await page.locator('#lines img, #lines script, #lines b').count()).toBe(0);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
    }
    for (const p of [overlay, sender, reader]) await p.context().close();
  });

  it('rate-limits a flooding sender while others still chat', async () => {
    const overlay = await openOverlay(browser, `${t.url}/overlay/chat?n=30`);
    const flooder = await openViewer(browser, `${t.url}/chat`, 'Flood');
    const calm = await openViewer(browser, `${t.url}/chat?src=stream`, 'Calm');
    for (let i = 0; i < 10; i++) await sendLine(flooder, `spam ${i}`);
    await flooder.locator('#status', { hasText: 'You are sending too fast' }).waitFor();
    await sendLine(calm, 'hello everyone');
    await overlay.locator('.line', { hasText: 'hello everyone' }).waitFor();
    expect(await overlay.locator('.line', { hasText: /^.*spam \d$/ }).count()).toBe(5);
    for (const p of [overlay, flooder, calm]) await p.context().close();
  });

  it("keeps a muted sender's messages off the overlay", async () => {
    const overlay = await openOverlay(browser, `${t.url}/overlay/chat?n=30`);
    const troll = await openViewer(browser, `${t.url}/chat`, 'Troll');
    const friend = await openViewer(browser, `${t.url}/chat`, 'Friend');
    await sendLine(troll, 'first line is fine');
    await overlay.locator('.line', { hasText: 'first line is fine' }).waitFor();
    const key = await senderKeyOf('Troll');
    expect(
      (await t.api('/api/chat/mutes', { method: 'POST', json: { senderKey: key, minutes: 10 } })).status,
    ).toBe(200);
    await sendLine(troll, 'buy followers at spam.example');
    await troll.locator('#status', { hasText: 'muted you for 10 more minutes' }).waitFor();
    await sendLine(friend, 'after the mute');
    await overlay.locator('.line', { hasText: 'after the mute' }).waitFor();
    expect(await overlay.locator('.line', { hasText: 'spam.example' }).count()).toBe(0);
    for (const p of [overlay, troll, friend]) await p.context().close();
  });
});
