import { createServer } from 'node:net';
import { join } from 'node:path';
import type OBSWebSocket from 'obs-websocket-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObsStatus } from '../../../shared/obs';
import { startLiveDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { launchChromium } from '../../support/chromium';
import { failFirstRequest, openPanel, screenshot, seriousA11yViolations } from '../../support/panel-pages';
import { RealObs, TEST_SCENES } from '../../support/real-obs';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../../electron/main/built-output';

/**
 * The host's OBS screen in real Chromium, against a real core and a real OBS (Debian's, under Xvfb,
 * with a WebSocket password): a dead port and a wrong password say so plainly, the right one shows
 * "Connected" and OBS's own scene list, and the overlay button explains that this OBS has no browser
 * source, with the URLs to add by hand.
 */

const PASSWORD = 'correct horse battery';

let core: TestCore;
let browser: Browser;
let obs: RealObs;
let observer: OBSWebSocket;

beforeAll(async () => {
  assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
  [obs, core, browser] = await Promise.all([
    RealObs.start({ password: PASSWORD }),
    startTestCore({ rendererDir: join(ROOT, 'out/renderer') }),
    launchChromium(),
  ]);
  observer = await obs.client();
  await startLiveDrop(core, { title: 'Glow mug' });
});

afterAll(async () => {
  await browser?.close();
  await core?.stop();
  await obs?.stop();
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** OBS's scenes as its Scenes dock lists them (highest index on top), asked of OBS itself. */
async function obsScenes(): Promise<string[]> {
  const { scenes } = await observer.call('GetSceneList');
  return scenes
    .map((s) => ({ name: typeof s.sceneName === 'string' ? s.sceneName : '', index: Number(s.sceneIndex) }))
    .sort((a, b) => b.index - a.index)
    .map((s) => s.name);
}

async function status(): Promise<ObsStatus> {
  return (await (await core.api('/api/obs/status')).json()) as ObsStatus;
}

async function connectWith(page: Page, url: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'OBS connection settings' });
  await form.getByLabel('OBS WebSocket address').fill(url);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

describe('OBS screen (real OBS)', () => {
  it('says clearly when the address is wrong, nothing listens, or the password is wrong', async () => {
    const page = await openPanel(browser, core, { view: 'obs' });
    const statusCard = page.getByRole('region', { name: 'OBS' });
    await statusCard.getByText('Not connected', { exact: true }).waitFor();
    await page.getByText('Connect to OBS to see its scenes.').waitFor();
    // No OBS, no overlay setup: the button waits for a connection.
    expect(await page.getByRole('button', { name: 'Set up overlays in OBS' }).isDisabled()).toBe(true);

    // Not a WebSocket address: the core's reason, under the field it is about.
    await connectWith(page, 'http://127.0.0.1:4455', '');
    const address = page.getByLabel('OBS WebSocket address');
    await page.getByText('url must be a ws:// or wss:// address such as ws://127.0.0.1:4455').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');

    // Nothing listens there: "not connected", why, and that DropDeck keeps trying.
    const port = await closedPort();
    await connectWith(page, `ws://127.0.0.1:${port}`, '');
    await statusCard.getByText(`nothing answers at ws://127.0.0.1:${port}`, { exact: false }).waitFor();
    await statusCard.getByText(/DropDeck tries again (in \d+ s|now)/).waitFor();
    expect(await address.getAttribute('aria-invalid')).toBeNull();
    // The top bar says the same at a glance, on every screen.
    await page.getByRole('banner').getByText('OBS: offline, retrying…').waitFor();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('banner').getByText('OBS: not connected').waitFor();
    await expect.poll(async () => (await status()).nextRetryAt).toBeNull();
    await statusCard.getByText(/Enter the address from OBS/).waitFor();

    // The real OBS, the wrong password: said so, with where to find the right one; no retry loop.
    await connectWith(page, obs.url, 'hunter2');
    await statusCard.getByText('Wrong password', { exact: true }).waitFor();
    await statusCard.getByText(/rejected the password/).waitFor();
    await statusCard.getByText(/Show Connect Info/).waitFor();
    expect((await status()).state).toBe('auth-failed');
    await page.context().close();
  });

  it('connects with the right password and lists the scenes OBS has, the program one on air', async () => {
    const page = await openPanel(browser, core, { view: 'obs' });
    await connectWith(page, obs.url, PASSWORD);
    const statusCard = page.getByRole('region', { name: 'OBS' });
    await statusCard.getByText('Connected', { exact: true }).waitFor();
    await statusCard.getByText(/obs-websocket 5\./).waitFor();
    // The password box empties once the save is answered (the status may arrive first, over the hub):
    // the core keeps the password, and never sends it back.
    await expect.poll(() => page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(JSON.stringify(await status())).not.toContain(PASSWORD);

    const list = page.getByRole('list', { name: 'OBS scenes' });
    await list.getByRole('listitem').first().waitFor();
    const shown = (await list.locator('.scene__name').allTextContents()).map((s) => s.trim());
    expect(shown).toEqual(await obsScenes());
    expect(shown).toEqual([TEST_SCENES.main, TEST_SCENES.drop, TEST_SCENES.soldOut]);
    const program = list.getByRole('listitem').filter({ hasText: 'On air' });
    expect(await program.locator('.scene__name').textContent()).toBe(TEST_SCENES.main);

    // A scene added in OBS shows up on Refresh.
    await observer.call('CreateScene', { sceneName: 'Interview' });
    await page.getByRole('button', { name: 'Refresh scenes' }).click();
    await list.getByText('Interview', { exact: true }).waitFor();
    expect((await list.locator('.scene__name').allTextContents()).map((s) => s.trim())).toEqual(
      await obsScenes(),
    );
    await page.context().close();
  });

  it('overlay setup explains this OBS has no browser source and lists the URLs to add by hand', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await openPanel(browser, core, { view: 'obs', viewport });
      const before = await obsScenes();
      await page.getByRole('region', { name: 'OBS' }).getByText('Connected', { exact: true }).waitFor();
      const setup = page.getByRole('region', { name: 'Overlays in OBS' });
      // The scenes OBS has are offered as targets, next to a scene of their own.
      await setup
        .getByLabel('Put them in')
        .locator('option', { hasText: `Scene “${TEST_SCENES.drop}”` })
        .waitFor({
          state: 'attached',
        });
      await setup.getByLabel('They show').selectOption({ label: 'Only “Glow mug”' });
      await setup.getByRole('button', { name: 'Set up overlays in OBS' }).click();

      const problem = setup.getByRole('alert');
      await problem.getByText('OBS cannot take browser sources').waitFor();
      await problem.getByText(/This OBS has no Browser source \(the obs-browser plugin\)/).waitFor();
      await problem.getByText(/obsproject\.com/).waitFor();
      // What the host can do now: the same pages, ready to copy, pinned to the chosen drop.
      const timer = setup.getByRole('textbox', { name: 'Timer overlay URL' });
      await timer.waitFor();
      expect(await timer.inputValue()).toMatch(new RegExp(`^${core.url}/overlay/timer\\?drop=\\d+$`));
      expect((await fetch(await timer.inputValue())).status).toBe(200);
      // The core refused before touching anything.
      expect(await obsScenes()).toEqual(before);

      if (viewport === 'phone') expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'obs');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('shows a drop step OBS refused as it happens', async () => {
    const page = await openPanel(browser, core, { view: 'obs' });
    await page.getByRole('region', { name: 'OBS' }).getByText('Connected', { exact: true }).waitFor();
    const failures = page.getByRole('region', { name: 'OBS steps that failed' });
    await failures.getByText('None: every drop’s OBS steps ran.').waitFor();

    // A drop whose start switches to a scene OBS does not have: the drop runs, OBS says no.
    await startLiveDrop(core, {
      title: 'Scarf',
      obsActions: { start: [{ type: 'switchScene', scene: 'Backstage' }] },
    });
    await failures.getByText('“Scarf” at start', { exact: false }).waitFor();
    await failures.getByText(/Backstage/).waitFor();
    expect(await failures.getByText('None: every drop’s OBS steps ran.').count()).toBe(0);
    await page.context().close();
  });

  it('lists what the setup did when OBS has browser sources', async () => {
    // Debian's OBS cannot make browser sources, so this answer is the one a full OBS build gives
    // (the core's create-or-update path is tested against real OBS in tests/electron/core/obs).
    const page = await openPanel(browser, core, { view: 'obs' });
    await page.route('**/api/obs/overlays/setup', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          scene: 'DropDeck Overlays',
          sceneCreated: true,
          canvas: { width: 1920, height: 1080 },
          sources: [
            {
              overlay: 'timer',
              inputName: 'DropDeck Timer',
              url: `${core.url}/overlay/timer`,
              action: 'created',
              sceneItemId: 1,
            },
            {
              overlay: 'qr',
              inputName: 'DropDeck QR',
              url: `${core.url}/overlay/qr?touchpoint=stream`,
              action: 'updated',
              sceneItemId: 2,
            },
          ],
        }),
      }),
    );
    await page.getByRole('region', { name: 'OBS' }).getByText('Connected', { exact: true }).waitFor();
    const setup = page.getByRole('region', { name: 'Overlays in OBS' });
    await setup.getByRole('button', { name: 'Set up overlays in OBS' }).click();
    const done = setup.getByRole('status');
    await done.getByText('Created the scene “DropDeck Overlays” (1920 × 1080).', { exact: false }).waitFor();
    await done.getByText('Created “DropDeck Timer”', { exact: false }).waitFor();
    await done.getByText('Updated “DropDeck QR”', { exact: false }).waitFor();
    expect(await setup.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });

  it('a failed scene load says why and offers Retry', async () => {
    // Connected first (whatever ran before), so the screen's first scene load is the one that fails.
    if ((await status()).state !== 'connected') {
      const setup = await openPanel(browser, core, { view: 'obs' });
      await connectWith(setup, obs.url, PASSWORD);
      await setup.getByRole('region', { name: 'OBS' }).getByText('Connected', { exact: true }).waitFor();
      await setup.context().close();
    }
    const page = await openPanel(browser, core, {
      view: 'obs',
      // Before the page loads: its first request for the scenes must meet the failure.
      beforeLoad: (p) =>
        failFirstRequest(p, '**/api/obs/scenes', { code: 'timeout', message: 'OBS did not answer in time.' }),
    });
    const scenes = page.getByRole('region', { name: 'Scenes' });
    await scenes.getByText('Could not load the scenes: OBS did not answer in time.').waitFor();
    await scenes.getByRole('button', { name: 'Retry' }).click();
    await scenes
      .getByRole('list', { name: 'OBS scenes' })
      .getByText(TEST_SCENES.main, { exact: true })
      .waitFor();
    expect(await scenes.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });
});
