import { PHONE_UA } from '../../support/scan';
import type { Browser, Page } from 'playwright-core';

/** A phone-sized browser on the viewer chat page, joined under `name`. */
export async function openViewer(browser: Browser, url: string, name: string): Promise<Page> {
  // A viewer's phone: headless Chromium's own user agent says "HeadlessChrome", which DropDeck
  // (rightly) treats as a bot and would never let take a hold.
  const context = await browser.newContext({
    viewport: { width: 390, height: 800 },
    userAgent: PHONE_UA,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[chat page] ${error.message}\n`));
  await page.goto(url);
  await page.locator('#name').fill(name);
  await page.locator('#join').click();
  await page.locator('#send-form').waitFor();
  return page;
}

export async function sendLine(page: Page, text: string): Promise<void> {
  await page.locator('#body').fill(text);
  await page.locator('#send').click();
}
