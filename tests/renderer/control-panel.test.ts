import jsQR from 'jsqr';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Drop } from '../../shared/drops';
import { PNG } from 'pngjs';
import { withPanelRig } from '../support/panel-pages';
import { describe, expect, it } from 'vitest';
import { buildCsp, withCsp } from '../../electron/main/security';
import { sampleDrop, TEST_TOKEN, type TestCore } from '../support/core-harness';
import { scan } from '../support/scan';

/**
 * The real control panel (the built renderer, served by a real core) driven in real Chromium, the way
 * a host uses it: unlock, create a drop, fix what the core refused, start it, watch the clock, get a
 * QR link — and a co-host's phone following along live through the hub.
 */

let core: TestCore;
let browser: Browser;
withPanelRig((rig) => ({ core, browser } = rig));

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
  it('runs a show day: sign in, create a show and a two-tier drop, pair a phone, start, co-host ends, revoke', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${core.url}/`);
    const nav = page.getByRole('navigation', { name: 'Screens' });

    // A wrong token is refused with the core's reason; the right one opens the live screen.
    await page.getByLabel('Host token', { exact: true }).fill('definitely-not-the-token');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('That token is not valid for this DropDeck').waitFor();
    await page.getByLabel('Host token', { exact: true }).fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Live: updates arrive in real time').waitFor();
    await page.getByRole('heading', { name: 'No drop has run yet' }).waitFor();

    // Shows & drops: a show, then a drop in it with two tiers; a bad URL is caught under its field.
    await nav.getByRole('link', { name: 'Shows & drops' }).click();
    await page.getByRole('button', { name: 'New show' }).click();
    await fill(page, 'Show name', 'Friday vinyl night');
    await page.getByRole('button', { name: 'Create show' }).click();
    await page.getByRole('button', { name: 'New drop in “Friday vinyl night”' }).click();
    await fill(page, 'Title', 'Signed vinyl');
    await fill(page, 'Checkout URL', 'ftp://shop.example/vinyl');
    const first = page.getByRole('group', { name: 'Tier 1' });
    await first.getByLabel('Stock', { exact: true }).fill('30');
    await first.getByLabel('Price', { exact: true }).fill('25.00');
    await page.getByRole('button', { name: 'Add tier' }).click();
    const second = page.getByRole('group', { name: 'Tier 2' });
    await second.getByLabel('Name', { exact: true }).fill('Signed bundle');
    await second.getByLabel('Stock', { exact: true }).fill('5');
    await second.getByLabel('Price', { exact: true }).fill('45.00');
    await page.getByRole('button', { name: 'Create drop' }).click();
    await page.getByText('The checkout link must start with https://').waitFor();
    await fill(page, 'Checkout URL', 'https://shop.example.com/checkout/vinyl');
    await page.getByRole('button', { name: 'Create drop' }).click();
    await page.getByRole('heading', { name: 'Edit “Signed vinyl”' }).waitFor();
    const drops = (await (await core.api('/api/drops')).json()) as Drop[];
    const drop = drops.find((d) => d.title === 'Signed vinyl');
    expect(drop?.tiers.map((t) => [t.name, t.stock, t.priceCents])).toEqual([
      ['Standard', 30, 2500],
      ['Signed bundle', 5, 4500],
    ]);

    // Devices: the pairing QR; a co-host's phone opens it, names itself and gets the co-host screens.
    await nav.getByRole('link', { name: 'Devices & audit' }).click();
    const devices = page.getByRole('region', { name: 'Devices' });
    await devices.getByRole('button', { name: 'Pair a co-host phone' }).click();
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
    await phone.getByLabel('Signed in as').getByText('Sam at the merch table · co-host').waitFor();
    expect(phone.url()).not.toContain('pair=');
    const phoneNav = phone.getByRole('navigation', { name: 'Screens' });
    expect(await phoneNav.getByRole('link', { name: 'Shows & drops' }).count()).toBe(0);
    await phone.getByRole('article', { name: 'Signed vinyl' }).getByText('Draft', { exact: true }).waitFor();

    // Live: the host starts it; the clock runs on the laptop and, through the hub, on the phone.
    await nav.getByRole('link', { name: 'Live' }).click();
    await page.getByRole('article', { name: 'Signed vinyl' }).getByRole('button', { name: 'Start' }).click();
    const onAir = page.getByRole('region', { name: 'On air' });
    await onAir.getByRole('heading', { name: 'Signed vinyl' }).waitFor();
    const timer = onAir.getByRole('timer', { name: 'Time left' });
    const started = await timer.textContent();
    expect(seconds(started)).toBeGreaterThan(240);
    expect(seconds(await timerChanges(timer, started))).toBeLessThan(seconds(started));
    const phoneOnAir = phone.getByRole('region', { name: 'On air' });
    await phoneOnAir.getByRole('timer', { name: 'Time left' }).waitFor();

    // A viewer scans the on-air link: the chart's table gets the minute, fed by stats:updated.
    const link = (await (
      await core.api(`/api/drops/${drop?.id}/links/current`, {
        method: 'POST',
        json: { touchpoint: 'stream' },
      })
    ).json()) as { qrUrl: string };
    expect((await scan('', link.qrUrl)).status).toBe(302);
    await page.getByText(/^Show as table \(1 rows?\)$/).click();
    const table = page.getByRole('table', { name: 'Per minute and touchpoint' });
    await table.getByRole('rowheader', { name: 'stream' }).waitFor();

    // The co-host ends it from the phone (after the confirmation); both screens say so.
    await phoneOnAir.getByRole('button', { name: 'End' }).click();
    await phone
      .getByRole('dialog', { name: 'End “Signed vinyl” now?' })
      .getByRole('button', { name: 'End drop' })
      .click();
    const shown = page.getByRole('region', { name: 'Shown drop' });
    await shown.getByText('Ended', { exact: true }).waitFor();
    expect(await shown.getByRole('timer').count()).toBe(0);
    await phone.getByRole('region', { name: 'Shown drop' }).getByText('Ended', { exact: true }).waitFor();

    // The host revokes the phone: it is signed out at once, says why, and the API refuses it.
    await nav.getByRole('link', { name: 'Devices & audit' }).click();
    const row = devices.getByRole('listitem', { name: 'Sam at the merch table' });
    await row.getByRole('button', { name: 'Revoke Sam at the merch table' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke access' }).click();
    await phone.getByText('The host revoked this device').waitFor();
    await phone.getByRole('button', { name: 'Pair this device' }).waitFor();
    await phone.close();
    await page.close();
  }, 90_000);

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
