import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANEL_VIEWS } from '../../../renderer/src/shell/views';
import { launchChromium } from '../../support/chromium';
import { sampleDrop, startLiveDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { pairDevice } from '../../support/devices';
import { openPanel, screenshot, seriousA11yViolations, type ViewportName } from '../../support/panel-pages';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../../electron/main/built-output';

/**
 * Every screen of the panel, at a laptop's and a phone's size, as the host and as a co-host: it
 * renders without a page error, nothing sticks out sideways, axe finds nothing serious, and a
 * screenshot lands in test-results/screenshots for a person to look at.
 */

let core: TestCore;
let browser: Browser;
let cohostToken: string;

beforeAll(async () => {
  assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
  core = await startTestCore({ rendererDir: join(ROOT, 'out/renderer') });
  browser = await launchChromium();
  await startLiveDrop(core, { title: 'Aurora hoodie', stock: 40 });
  await core.api('/api/drops', { method: 'POST', json: sampleDrop({ title: 'Midnight tote' }) });
  cohostToken = (await pairDevice(core, 'Sam at the merch table')).token;
});

afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

const viewports: ViewportName[] = ['desktop', 'phone'];

describe.each(viewports)('panel screens at %s size', (viewport) => {
  it.each(PANEL_VIEWS.map((v) => v.id))('the host’s %s screen fits and passes axe', async (view) => {
    const page = await openPanel(browser, core, { viewport, view });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    const label = PANEL_VIEWS.find((v) => v.id === view)?.label ?? view;
    expect(await page.getByRole('link', { name: label }).getAttribute('aria-current')).toBe('page');
    // Let the screen's own loading settle before judging it.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const overflow = await page.evaluate<number>(
      '(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)()',
    );
    expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `host-${view}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a co-host', () => {
  it('gets only the screens its role may use, and a host-only address lands on Live', async () => {
    const page = await openPanel(browser, core, { viewport: 'phone', token: cohostToken, view: 'devices' });
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Live',
      'Calendar',
      'Links & QR',
      'Report',
      'Chat',
    ]);
    expect(await nav.getByRole('link', { name: 'Live' }).getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'cohost-live');
    await page.context().close();
  });
});
