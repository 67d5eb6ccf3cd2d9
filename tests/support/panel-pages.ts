import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { StartOptions } from '../../electron/core/app';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../electron/main/built-output';
import { launchChromium } from './chromium';
import { startTestCore, TEST_TOKEN, type TestCore } from './core-harness';

/**
 * Opening the built control panel in real Chromium the way people do: at a laptop's size or a phone's,
 * signed in with a token this browser remembered (as after pairing), on one of its screens.
 */

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A phone's UA: viewer pages treat headless Chromium's UA as a bot. */
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

export interface OpenPanelOptions {
  viewport?: ViewportName;
  /** The device token to sign in with; the host token when absent. null: not signed in. */
  token?: string | null;
  /** A screen id (`live`, `drops`, …); the panel's default when absent. */
  view?: string;
  /** Runs on the new page before it loads (routes that must catch the panel's first requests). */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/**
 * The core's first answer to requests matching `url` is a 503 with `error` (a hiccup); later ones go
 * through. For the failed-load-then-Retry states.
 */
export async function failFirstRequest(
  page: Page,
  url: string,
  error: { code: string; message: string },
): Promise<void> {
  let failures = 1;
  await page.route(url, async (route) => {
    if (failures-- > 0) {
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error }) });
    } else await route.continue();
  });
}

export async function openPanel(
  browser: Browser,
  core: TestCore,
  options: OpenPanelOptions = {},
): Promise<Page> {
  const viewport = options.viewport ?? 'desktop';
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    ...(viewport === 'phone' ? { userAgent: PHONE_UA, isMobile: true, hasTouch: true } : {}),
  });
  const token = options.token === undefined ? TEST_TOKEN : options.token;
  if (token !== null) {
    await context.addInitScript({
      content: `if (!sessionStorage.getItem('dd-test-signed-in')) { sessionStorage.setItem('dd-test-signed-in', '1'); localStorage.setItem('dropdeck.hostToken', ${JSON.stringify(token)}); }`,
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[panel page] ${error.message}\n`));
  await options.beforeLoad?.(page);
  await page.goto(`${core.url}/${options.view ? `#/${options.view}` : ''}`);
  return page;
}

/** Where this run's screenshots go; printed once so a person can open them. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
let announced = false;

/** Full-page screenshot named `<name>-<viewport>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (!announced) {
    announced = true;
    process.stdout.write(`Panel screenshots: ${SCREENSHOT_DIR}\n`);
  }
  const size = page.viewportSize();
  const label = size && size.width < 600 ? 'phone' : 'desktop';
  const path = join(SCREENSHOT_DIR, `${name}-${label}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2 A/AA rules on the page as it stands; answers the serious and critical findings
 * (what a screen-reader or keyboard user would be blocked by), each with the elements it found.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the panel's CSP (no inline scripts) does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  })()`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export interface PanelRig {
  core: TestCore;
  browser: Browser;
}

/**
 * The usual browser-test pair for a file: a real core serving the built panel, and Debian's
 * Chromium — started before the file's tests, stopped after. `assign` hands them to the file's
 * variables (`withPanelRig((r) => ({ core, browser } = r))`).
 */
export function withPanelRig(assign: (rig: PanelRig) => void, options: StartOptions = {}): void {
  let rig: Partial<PanelRig> = {};
  beforeAll(async () => {
    assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
    const core = await startTestCore({ rendererDir: join(ROOT, 'out/renderer'), ...options });
    rig = { core, browser: await launchChromium() };
    assign(rig as PanelRig);
  });
  afterAll(async () => {
    await rig.browser?.close();
    await rig.core?.stop();
  });
}
