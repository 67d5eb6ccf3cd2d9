import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import type { DropStats } from '../../../shared/stats';
import { sampleDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { scan } from '../../support/scan';
import { launchChromium, openOverlay } from '../../support/chromium';
import { assertOverlaysBuilt, RENDERER_DIR } from './overlay-build';
import { decodeQr, downscale, fromPng, modulePx, quietZoneIsLight } from './qr-pixels';

let t: TestCore;
let browser: Browser;
/** Lets the test move the core's clock past a link rotation instead of waiting for it. */
let shiftMs = 0;

beforeAll(async () => {
  assertOverlaysBuilt();
  t = await startTestCore({ rendererDir: RENDERER_DIR, clock: { now: () => Date.now() + shiftMs } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The QR as OBS would capture it: a screenshot of the 1920×1080 page, decoded from its pixels. */
async function readQr(
  page: Page,
): Promise<{ data: string; modulePx: number; quietZone: boolean; at720p: string | null }> {
  const img = fromPng(await page.screenshot());
  const code = decodeQr(img);
  if (!code) throw new Error('no QR code found in the screenshot');
  return {
    data: code.data,
    modulePx: modulePx(code),
    quietZone: quietZoneIsLight(img, code, 4),
    at720p: decodeQr(downscale(img, 1280, 720))?.data ?? null,
  };
}

describe('QR overlay', () => {
  it('shows a scannable code for the touchpoint link; scanning it redirects and is counted', async () => {
    const created = (await (
      await t.api('/api/drops', { method: 'POST', json: sampleDrop({ linkRotationSec: 60 }) })
    ).json()) as Drop;
    expect((await t.api(`/api/drops/${created.id}/start`, { method: 'POST' })).status).toBe(200);
    const page = await openOverlay(browser, `${t.url}/overlay/qr?drop=${created.id}&touchpoint=stream`);
    await page.locator('#qr svg').waitFor();
    expect(await page.locator('#label').textContent()).toBe('Scan to buy');

    const qr = await readQr(page);
    const m = new RegExp(`^${t.url}/r/([0-9A-Za-z]+)\\?s=qr$`).exec(qr.data);
    expect(m, qr.data).not.toBeNull();
    const code = m?.[1] ?? '';
    expect(await page.locator('#url').textContent()).toBe(`${t.url.replace('http://', '')}/r/${code}`);
    // Big enough for a 720p stream: ≥ 6 px modules on the 1080p canvas, still decodable at 720p.
    expect(qr.modulePx).toBeGreaterThanOrEqual(6);
    expect(qr.at720p).toBe(qr.data);
    expect(qr.quietZone).toBe(true);

    const res = await scan(t.url, qr.data.slice(t.url.length));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://shop.example.com/checkout/glow-mug');
    expect(location.searchParams.get('ref')).toBe(code);
    expect(location.searchParams.get('utm_source')).toBe('stream');

    const stats = (await (await t.api(`/api/drops/${created.id}/stats`)).json()) as DropStats;
    const stream = stats.rows.filter((r) => r.touchpoint === 'stream');
    expect(stream.reduce((n, r) => n + r.qrScans, 0)).toBe(1);

    // One rotation period later the page shows a new code, which works too.
    shiftMs += 61_000;
    await page.locator('#url', { hasNotText: code }).waitFor({ timeout: 5000 });
    const rotated = await readQr(page);
    expect(rotated.data).not.toBe(qr.data);
    expect(rotated.data).toMatch(new RegExp(`^${t.url}/r/[0-9A-Za-z]+\\?s=qr$`));
    expect((await scan(t.url, rotated.data.slice(t.url.length))).status).toBe(302);
    await page.context().close();
  });

  it('serves the pages with and without .html, and the QR image on its own', async () => {
    const drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as Drop;
    for (const path of ['/overlay/timer', '/overlay/timer.html', '/overlay/qr', '/overlay/ticker']) {
      const res = await fetch(t.url + path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<main class="panel');
    }
    expect((await fetch(`${t.url}/overlay/nope`)).status).toBe(404);
    expect((await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);

    const svg = await fetch(`${t.url}/overlay/qr.svg?drop=${drop.id}&touchpoint=stream`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('x-dropdeck-link-code')).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(await svg.text()).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect((await fetch(`${t.url}/overlay/qr.svg?drop=${drop.id}&touchpoint=nope`)).status).toBe(404);
  });

  it('shows no code for a draft, and the code as soon as the drop goes live', async () => {
    const drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as Drop;
    const page = await openOverlay(browser, `${t.url}/overlay/qr?drop=${drop.id}`);
    // Not announced: nothing of the draft reaches the page, so there is nothing to show yet.
    await page.locator('html[data-phase="none"]').waitFor();
    expect(await page.locator('#qr svg').count()).toBe(0);

    expect((await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);
    await page.locator('#qr svg').waitFor();
    expect((await readQr(page)).data).toMatch(new RegExp(`^${t.url}/r/[0-9A-Za-z]+\\?s=qr$`));
    await page.context().close();
  });
});
