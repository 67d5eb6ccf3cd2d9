import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded one. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page the size of an OBS browser source, opened on `url`. */
export async function openOverlay(browser: Browser, url: string, init?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[overlay page] ${error.message}\n`));
  if (init) await page.addInitScript({ content: init });
  await page.goto(url);
  return page;
}

/**
 * What OBS does to a browser source the host hides and shows again: the page stops running (no
 * frames, no timers: modelled by pausing its JS in the debugger, which freezes it harder than OBS
 * does), then is told it is visible again (`visibilitychange` and obs-browser's
 * `obsSourceVisibleChanged`). Headless Chromium keeps every page "visible", hence the stand-in.
 */
export async function hideFor(page: Page, ms: number): Promise<void> {
  const setVisible = (visible: boolean): Promise<unknown> =>
    page.evaluate(`(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${visible ? 'visible' : 'hidden'}' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${String(!visible)} });
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: ${String(visible)} } }));
    })()`);
  await setVisible(false);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Debugger.enable');
  const paused = new Promise((resolve) => cdp.once('Debugger.paused', resolve));
  await cdp.send('Debugger.pause');
  await paused;
  await new Promise((resolve) => setTimeout(resolve, ms));
  await cdp.send('Debugger.resume');
  await cdp.send('Debugger.disable');
  await cdp.detach();
  await setVisible(true);
}
