import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import type { Link } from '../../../shared/links';
import { sampleDrop, startLiveDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { launchChromium } from '../../support/chromium';
import { pairDevice } from '../../support/devices';
import { failFirstRequest, openPanel, screenshot, seriousA11yViolations } from '../../support/panel-pages';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../../electron/main/built-output';

/**
 * The Links & QR screen in real Chromium against a real core: a host makes a venue link, prints its
 * QR (PNG and SVG files that scan back to the same link), revokes it, and copies the overlay URLs;
 * a co-host's phone sees the links without the revoke button.
 */

let core: TestCore;
let browser: Browser;
let live: Drop;

beforeAll(async () => {
  assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
  core = await startTestCore({ rendererDir: join(ROOT, 'out/renderer') });
  browser = await launchChromium();
  await core.api('/api/drops', { method: 'POST', json: sampleDrop({ title: 'Tote bag (draft)' }) });
  live = await startLiveDrop(core, { title: 'Glow Mug — XL' });
});

afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

function decodePng(bytes: Buffer): string | null {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The QR as a person's phone would see it on screen: a screenshot of the element, decoded. */
async function readQr(qr: Locator): Promise<string | null> {
  return decodePng(await qr.screenshot());
}

async function links(dropId: number): Promise<Link[]> {
  return (await (await core.api(`/api/drops/${dropId}/links`)).json()) as Link[];
}

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** No sideways scrolling: what a 390 px phone would otherwise cut off. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

describe('Links & QR screen', () => {
  it('creates a venue link whose QR, PNG and SVG all scan to the link, then revokes it', async () => {
    const page = await openPanel(browser, core, { view: 'links' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: core.url });

    // The live drop is picked by default; the draft is there to pick too.
    const dropSelect = page.getByLabel('Drop', { exact: true });
    await expect.poll(() => dropSelect.inputValue()).toBe(String(live.id));
    await page.getByText('No links for this drop yet').waitFor();

    const form = page.getByRole('form', { name: 'New link' });
    await form.getByLabel('Touchpoint').selectOption({ label: 'Venue QR' });
    await form.getByLabel('Expires after').selectOption({ label: '30 days (print)' });
    const before = Date.now();
    await form.getByRole('button', { name: 'Create link' }).click();

    await expect.poll(async () => (await links(live.id)).length).toBe(1);
    const [link] = await links(live.id);
    expect(link.touchpoint).toBe('venue');
    expect(link.expiresAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 5000);
    expect(link.expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000 + 5000);

    const card = page.getByRole('article', { name: `Venue QR link ${link.code}` });
    await card.getByText('Active', { exact: true }).waitFor();
    await card.getByText(/Valid until .*\(in 30 days\)/).waitFor();
    expect(await card.getByRole('textbox', { name: 'Link for Venue QR' }).inputValue()).toBe(link.url);
    expect(await readQr(card.getByRole('img', { name: /QR code for/ }))).toBe(link.qrUrl);

    // Copy puts the link on the clipboard and says so.
    await card.getByRole('button', { name: 'Copy Link for Venue QR' }).click();
    await card.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(link.url);

    // Print files: named for drop, touchpoint and code, and each scans to the same link.
    const png = await download(page, card.getByRole('button', { name: 'Download PNG' }));
    expect(png.name).toBe(`dropdeck-glow-mug-xl-venue-qr-${link.code}.png`);
    expect(PNG.sync.read(png.bytes).width).toBeGreaterThanOrEqual(1000);
    expect(decodePng(png.bytes)).toBe(link.qrUrl);

    const svg = await download(page, card.getByRole('button', { name: 'Download SVG' }));
    expect(svg.name).toBe(`dropdeck-glow-mug-xl-venue-qr-${link.code}.svg`);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.trimStart().startsWith('<svg')).toBe(true);
    const viewer = await browser.newPage({ viewport: { width: 700, height: 700 } });
    // Rendered the way a print shop's viewer would: scaled to a fixed size on white.
    await viewer.setContent(
      `<style>body{margin:0;background:#fff}svg{width:600px;height:600px}</style>${svgText}`,
    );
    expect(await readQr(viewer.locator('svg'))).toBe(link.qrUrl);
    await viewer.close();

    await screenshot(page, 'links');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Revoke: the card says so, the API agrees, and the short link now answers the revoked page.
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Revoke' }).click();
    await card.getByText('Revoked', { exact: true }).waitFor();
    await page.getByText('Expired and revoked (1)').waitFor();
    expect(await card.getByRole('img', { name: /QR code for/ }).count()).toBe(0);
    const [revoked] = await links(live.id);
    expect(revoked.revokedAt).not.toBeNull();
    const scanned = await fetch(link.url, { redirect: 'manual' });
    expect(scanned.status).toBe(410);
    expect(await scanned.text()).toContain('This link is no longer valid');
    await page.context().close();
  });

  it('lists overlay URLs the core serves, ready to copy, pinned to a drop on request', async () => {
    const page = await openPanel(browser, core, { view: 'links' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: core.url });
    const overlays = page.getByRole('region', { name: 'Overlay URLs for OBS' });
    const boxes = overlays.getByRole('textbox');
    // The leaderboard URL joins once the chat settings have loaded: wait for the whole list.
    await expect.poll(() => boxes.count()).toBe(5);

    const urls: string[] = [];
    for (const box of await boxes.all()) urls.push(await box.inputValue());
    expect(urls).toEqual([
      `${core.url}/overlay/timer`,
      `${core.url}/overlay/qr?touchpoint=stream`,
      `${core.url}/overlay/ticker`,
      `${core.url}/overlay/chat`,
      `${core.url}/overlay/leaderboard`,
    ]);
    for (const url of urls) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).not.toContain('No such overlay');
    }

    await overlays.getByLabel(/Pin the drop overlays to/).check();
    await expect
      .poll(() => overlays.getByRole('textbox', { name: 'Timer overlay URL' }).inputValue())
      .toBe(`${core.url}/overlay/timer?drop=${live.id}`);
    expect(await overlays.getByRole('textbox', { name: 'QR code overlay URL' }).inputValue()).toBe(
      `${core.url}/overlay/qr?drop=${live.id}&touchpoint=stream`,
    );
    // Show-wide pages do not take a drop.
    expect(await overlays.getByRole('textbox', { name: 'Chat overlay URL' }).inputValue()).toBe(
      `${core.url}/overlay/chat`,
    );
    expect((await fetch(`${core.url}/overlay/timer?drop=${live.id}`)).status).toBe(200);

    await overlays.getByRole('button', { name: 'Copy Ticker overlay URL' }).click();
    await overlays.getByRole('button', { name: 'Copied Ticker overlay URL' }).waitFor();
    await overlays.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(
      `${core.url}/overlay/ticker?drop=${live.id}`,
    );
    await page.context().close();
  });

  it('works on a co-host phone: creates and shows links, no revoke, nothing cut off', async () => {
    const { token } = await pairDevice(core, 'Sam at the merch table');
    const page = await openPanel(browser, core, { view: 'links', viewport: 'phone', token });
    const form = page.getByRole('form', { name: 'New link' });
    await form.getByLabel('Touchpoint').selectOption({ label: 'Stream QR' });
    // From the keyboard: the form submits with Enter like any form.
    await form.getByRole('button', { name: 'Create link' }).focus();
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => (await links(live.id)).filter((l) => l.touchpoint === 'stream').length)
      .toBe(1);
    const link = (await links(live.id)).find((l) => l.touchpoint === 'stream');
    const card = page.getByRole('article', { name: `Stream QR link ${link?.code}` });
    await card.getByText('Active', { exact: true }).waitFor();
    expect(await readQr(card.getByRole('img', { name: /QR code for/ }))).toBe(link?.qrUrl);
    await card.getByRole('button', { name: 'Download PNG' }).waitFor();
    // link:revoke is the host's; a co-host's card has no button for it.
    expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    // The host's revoked venue link is listed as such.
    await page.getByText('Expired and revoked (1)').waitFor();

    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'links');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A phone on plain-http Wi-Fi has no clipboard API: Copy selects the whole URL instead.
    await page.context().addInitScript({
      content: "Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });",
    });
    await page.reload();
    const timer = page.getByRole('textbox', { name: 'Timer overlay URL' });
    await timer.waitFor();
    await page.getByRole('button', { name: 'Copy Timer overlay URL' }).click();
    await page.getByText(/Copied to the clipboard\.|Selected — press Ctrl\+C/).waitFor();
    const selection = await timer.evaluate(
      (el: { selectionStart: number; selectionEnd: number; value: string }) =>
        [el.selectionStart, el.selectionEnd, el.value.length] as const,
    );
    expect(selection[0]).toBe(0);
    expect(selection[1]).toBe(selection[2]);
    await page.context().close();
  });

  it('shows the empty state and a failed load with its reason and Retry', async () => {
    const empty = await startTestCore({ rendererDir: join(ROOT, 'out/renderer') });
    try {
      const page = await openPanel(browser, empty, { view: 'links' });
      await page.getByText(/No drops yet\. Create one under “Shows & drops”/).waitFor();
      // Overlay URLs do not need a drop: they follow whichever goes live.
      await page
        .getByRole('region', { name: 'Overlay URLs for OBS' })
        .getByRole('textbox', { name: 'Timer overlay URL' })
        .waitFor();

      // The first link list fails (as if the core hiccuped); the drop itself arrives over the hub.
      await failFirstRequest(page, '**/api/drops/*/links', {
        code: 'timeout',
        message: 'The store is busy, try again.',
      });
      await empty.api('/api/drops', { method: 'POST', json: sampleDrop({ title: 'Lamp' }) });
      await page.getByText('Could not load the links: The store is busy, try again.').waitFor();
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.getByText('No links for this drop yet').waitFor();
      await page.context().close();
    } finally {
      await empty.stop();
    }
  });

  it('shows a rotated QR link as soon as the core rotates it, without a reload', async () => {
    const rotating = await startLiveDrop(core, { title: 'Rotating poster', linkRotationSec: 30 });
    const page = await openPanel(browser, core, { view: 'links' });
    await page.getByLabel('Drop', { exact: true }).selectOption({ label: 'Rotating poster (live)' });
    await page.getByText('No links for this drop yet').waitFor();

    // What the QR overlay does when it needs a code: the core mints one and announces the rotation.
    const res = await core.api(`/api/drops/${rotating.id}/links/current`, {
      method: 'POST',
      json: { touchpoint: 'stream' },
    });
    expect(res.status).toBe(200);
    const link = (await res.json()) as Link;
    const card = page.getByRole('article', { name: `Stream QR link ${link.code}` });
    await card.getByText('Active', { exact: true }).waitFor();
    expect(await readQr(card.getByRole('img', { name: /QR code for/ }))).toBe(link.qrUrl);
    await page.context().close();
  });
});
