import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/chromium';
import { startTestCore, TEST_TOKEN, type TestCore } from '../../support/core-harness';
import { ManualClock } from '../../support/manual-clock';
import { RawFacts } from '../../support/raw-facts';
import { buildKpiFixture, T0, type KpiFixture } from '../../electron/core/insights/kpi-fixture';
import { RENDERER_DIR } from '../overlay/overlay-build';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the screenshots go, to look at by eye: nothing cut off, nothing overlapping. */
const SHOTS = join(repo, 'test-results', 'report-page');

let t: TestCore;
let raw: RawFacts;
let browser: Browser;
let f: KpiFixture;

beforeAll(async () => {
  const page = join(RENDERER_DIR, 'report.html');
  if (!existsSync(page) || statSync(page).mtimeMs < statSync(join(repo, 'renderer', 'report.html')).mtimeMs) {
    throw new Error('The report page is not built (or is stale). Run "npx electron-vite build" first.');
  }
  const clock = new ManualClock(T0);
  t = await startTestCore({ rendererDir: RENDERER_DIR, clock });
  raw = new RawFacts(t.dataDir);
  f = await buildKpiFixture(t, clock, raw);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  raw?.close();
  await t?.stop();
});

async function openReport(token: string | null): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The control panel keeps the host token in localStorage; the report signs in with it.
  if (token)
    await page.addInitScript(`localStorage.setItem('dropdeck.hostToken', ${JSON.stringify(token)});`);
  await page.goto(`${t.url}/report.html?show=${f.show.id}`);
  page.on('close', () => expect(errors).toEqual([]));
  return page;
}

describe('after-show report page', () => {
  it('shows the show’s summary, tables and charts, fits the page, and prints without the buttons', async () => {
    const page = await openReport(TEST_TOKEN);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('#show-name').textContent()).toBe('Friday pop-up');
    await expect.poll(() => page.title()).toBe('Friday pop-up · DropDeck report');

    // Summary cards with the hand-checked figures of kpis.test.ts.
    const cards = await page.locator('#summary .card').allInnerTexts();
    expect(cards.join('\n')).toContain('€145.00'); // net revenue
    expect(cards.join('\n')).toContain('€93.32'); // host net after splits
    // Tables: conversion, attribution under all four models, sell-through, CPA, splits.
    const rows = (id: string) => page.locator(`#${id} tbody tr`).count();
    expect(await rows('conversion-touchpoint')).toBe(4);
    expect(await rows('conversion-creator')).toBe(2);
    expect(await page.locator('#attribution thead th').allInnerTexts()).toEqual([
      'Touchpoint',
      'last touch',
      'first touch',
      'linear',
      'time decay',
    ]);
    expect(await rows('sell-through')).toBe(2);
    expect(await page.locator('#cpa tbody').innerText()).toContain('€21.67');
    expect(await page.locator('#splits tbody').innerText()).toContain('€13.18'); // Ben's share
    // Two charts drawn by uPlot, each with its canvas, inside the page width.
    for (const id of ['chart-clicks', 'chart-sell-through']) {
      const chart = page.locator(`#${id} .uplot`);
      await chart.waitFor();
      expect(await page.locator(`#${id} canvas`).count()).toBe(1);
      const box = await chart.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
    }
    // Nothing wider than the window (a cut-off table or chart would scroll sideways).
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'report-screen.png'), fullPage: true });

    // Paper: an A4 column (794 px at 96 dpi); the buttons go, the charts shrink to the column.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.actions').isVisible()).toBe(false);
    for (const id of ['chart-clicks', 'chart-sell-through']) {
      await expect
        .poll(async () => {
          const box = await page.locator(`#${id} canvas`).boundingBox();
          return box ? box.x + box.width : Infinity;
        })
        .toBeLessThanOrEqual(794);
    }
    await page.screenshot({ path: join(SHOTS, 'report-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('says what to do when this browser has no host token, or the wrong one', async () => {
    const none = await openReport(null);
    await none.locator('#status.error').waitFor();
    expect(await none.locator('#status').textContent()).toMatch(/Sign in on the control panel/);
    await none.close();
    const wrong = await openReport('not-the-token-0123456789');
    await wrong.locator('#status.error').waitFor();
    expect(await wrong.locator('#status').textContent()).not.toBe('');
    await wrong.close();
  });
});
