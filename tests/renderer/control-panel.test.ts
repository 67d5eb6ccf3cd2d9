import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp, withCsp } from '../../electron/main/security';
import { sampleDrop, startTestCore, TEST_TOKEN, type TestCore } from '../support/core-harness';
import { launchChromium } from '../support/chromium';
import { scan } from '../support/scan';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../electron/main/built-output';

/**
 * The real control panel (the built renderer, served by a real core) driven in real Chromium, the way
 * a host uses it: unlock, create a drop, fix what the core refused, start it, watch the clock, get a
 * QR link — and a co-host's phone following along live through the hub.
 */

let core: TestCore;
let browser: Browser;

beforeAll(async () => {
  assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
  core = await startTestCore({ rendererDir: join(ROOT, 'out/renderer') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

/** "4:58" → 298 */
function seconds(text: string | null): number {
  const parts = (text ?? '').trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** Waits (up to the test timeout) for the on-screen countdown to show something other than `from`. */
async function timerChanges(timer: Locator, from: string | null): Promise<string | null> {
  await expect.poll(() => timer.textContent(), { timeout: 10_000 }).not.toBe(from);
  return timer.textContent();
}

/** Decodes the QR code as it appears on screen (a screenshot of the element, not the canvas' data). */
async function readQr(qr: Locator): Promise<string | null> {
  const png = PNG.sync.read(await qr.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

describe('control panel in a browser', () => {
  it('runs a drop from token to countdown, with field errors and a live co-host view', async () => {
    const page = await browser.newPage();
    await page.goto(`${core.url}/`);

    // A wrong token is refused with the core's reason; the right one opens the panel.
    await page.getByLabel('Host token', { exact: true }).fill('definitely-not-the-token');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('That token is not valid for this DropDeck').waitFor();
    await page.getByLabel('Host token', { exact: true }).fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'New drop' }).waitFor();
    await page.getByText('Live: updates arrive in real time').waitFor();

    // Bad input: the core's messages land under the fields they are about.
    await fill(page, 'Title', '   ');
    await fill(page, 'Price', '12.50');
    await fill(page, 'Checkout URL', 'ftp://shop.example/glow');
    await page.getByRole('button', { name: 'Create drop' }).click();
    await page.getByText('title is required').waitFor();
    expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByText('checkoutUrl must be an http(s) URL').waitFor();

    await fill(page, 'Title', 'Glow mug');
    await fill(page, 'Checkout URL', 'https://shop.example.com/checkout/glow-mug');
    await page.getByRole('button', { name: 'Create drop' }).click();
    const card = page.getByRole('article', { name: 'Glow mug' });
    await card.getByText('Draft', { exact: true }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('');

    // The host shows a pairing QR; a co-host's phone opens it, names itself and follows the same drop.
    await page.getByRole('button', { name: 'Pair a co-host phone' }).click();
    const devices = page.getByRole('region', { name: 'Devices' });
    const pairingUrl = await readQr(devices.getByRole('img', { name: /QR code for/ }));
    expect(pairingUrl).toMatch(/\/#pair=[A-HJ-NP-Z2-9]{10}$/);
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(`${core.url}/${(pairingUrl ?? '').slice((pairingUrl ?? '').indexOf('#'))}`);
    await fill(phone, 'Device name', 'Sam at the merch table');
    await phone.getByRole('button', { name: 'Pair this device' }).click();
    const phoneCard = phone.getByRole('article', { name: 'Glow mug' });
    await phoneCard.getByText('Draft', { exact: true }).waitFor();
    // The code is gone from the address bar, and a co-host gets drop controls but no drop editor.
    expect(phone.url()).not.toContain('pair=');
    await phone.getByLabel('Signed in as').getByText('Sam at the merch table · co-host').waitFor();
    expect(await phone.getByRole('heading', { name: 'New drop' }).count()).toBe(0);
    await devices.getByRole('button', { name: 'Refresh' }).click();
    await devices.getByText('Sam at the merch table', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Start' }).click();
    await card.getByText('Live', { exact: true }).waitFor();
    const timer = card.getByRole('timer', { name: 'Time left' });
    const started = await timer.textContent();
    expect(seconds(started)).toBeGreaterThan(240);
    expect(seconds(started)).toBeLessThanOrEqual(300);
    const ticked = await timerChanges(timer, started);
    expect(seconds(ticked)).toBeLessThan(seconds(started));

    // The phone saw the start through the hub, without reloading.
    await phoneCard.getByText('Live', { exact: true }).waitFor();
    await phoneCard.getByRole('timer', { name: 'Time left' }).waitFor();

    // +60 s pushes the deadline out for everyone.
    await card.getByRole('button', { name: '+60 s' }).click();
    const extended = await timerChanges(timer, ticked);
    expect(seconds(extended)).toBeGreaterThan(300);

    // Get link: the QR on screen encodes the tracked scan link for this drop.
    await card.getByRole('button', { name: 'Get link' }).click();
    const shown = await card.getByRole('link').textContent();
    expect(shown).toMatch(/^http:\/\//);
    const qr = card.getByRole('img', { name: /QR code for/ });
    const decoded = await readQr(qr);
    expect(decoded).toContain(shown);
    expect(decoded).toContain('s=qr');

    // A viewer scans it: the per-minute chart replaces the empty-state text, fed by stats:updated.
    await card.getByText('No scans yet').waitFor();
    const scanned = await scan('', decoded ?? '');
    expect(scanned.status).toBeGreaterThanOrEqual(300);
    await card.locator('.chart canvas').waitFor();
    expect(await card.getByText('No scans yet').count()).toBe(0);

    // End: the countdown goes away and both screens say so.
    await card.getByRole('button', { name: 'End' }).click();
    await card.getByText('Ended', { exact: true }).first().waitFor();
    expect(await timer.count()).toBe(0);
    await phoneCard.getByText('Ended', { exact: true }).first().waitFor();

    // The host revokes the phone: it is signed out at once and says why.
    page.once('dialog', (dialog) => void dialog.accept());
    await devices.getByRole('button', { name: 'Revoke Sam at the merch table' }).click();
    await phone.getByText('The host revoked this device').waitFor();
    await phone.getByRole('button', { name: 'Pair this device' }).waitFor();
  });

  it('keeps working under the strict CSP the desktop window enforces', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    // Same header rewrite as applySessionPolicy() does in Electron, applied to every core response.
    const csp = buildCsp(core.url);
    // CSP is enforced from the document's response; the hub's long-polls are left alone.
    await page.route(
      (url) => url.origin === core.url && !url.pathname.startsWith('/socket.io/'),
      async (route) => {
        const response = await route.fetch();
        const headers = withCsp(
          Object.fromEntries(Object.entries(response.headers()).map(([k, v]) => [k, [v]])),
          csp,
        );
        await route.fulfill({
          response,
          headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.join(', ')])),
        });
      },
    );

    const created = await core.api('/api/drops', { method: 'POST', json: sampleDrop({ title: 'CSP mug' }) });
    expect(created.status).toBe(201);

    await page.goto(`${core.url}/`);
    await page.getByLabel('Host token', { exact: true }).fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // The hub (websocket), the API and the QR canvas all work without a single violation...
    await page.getByText('Live: updates arrive in real time').waitFor();
    const card = page.getByRole('article', { name: 'CSP mug' });
    await card.getByRole('button', { name: 'Get link' }).click();
    await card.getByRole('img', { name: /QR code for/ }).waitFor();
    expect(violations).toEqual([]);

    // ...while the policy really is in force: a script injected into the page does not run.
    // (A string, because this file is type-checked for Node, without the DOM library.)
    const injected = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.head.append(script);
      return document.body.dataset.injected ?? 'blocked';
    })()`);
    expect(injected).toBe('blocked');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  });
});
