import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Link } from '../../shared/links';
import { launchChromium } from '../support/chromium';
import { startLiveDrop, startTestCore, TEST_TOKEN, type TestCore } from '../support/core-harness';
import { scan } from '../support/scan';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../electron/main/built-output';

/** The host sees, on the panel, when scans stop reaching the store, and when they reach it again. */
describe('store alarm in the panel', () => {
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

  it('shows an alarm while the database is locked and clears it once writes work', async () => {
    const drop = await startLiveDrop(core);
    const link = (await (
      await core.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint: 'stream' } })
    ).json()) as Link;
    const page = await browser.newPage();
    await page.goto(`${core.url}/`);
    await page.getByLabel('Host token', { exact: true }).fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Live: updates arrive in real time').waitFor();
    expect(await page.getByText('Scans are not being saved').count()).toBe(0);

    const locker = new Database(join(core.dataDir, 'dropdeck.sqlite'));
    locker.exec('BEGIN EXCLUSIVE');
    try {
      // The viewer still gets the checkout...
      expect((await scan(core.url, `/r/${link.code}`)).status).toBe(302);
      // ...and the host is told.
      const alarm = page.getByRole('alert').filter({ hasText: 'Scans are not being saved' });
      await alarm.waitFor();
      expect(await alarm.textContent()).toMatch(/\d+ waiting to be written/);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    await page.getByText('Scans are not being saved').waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });
});
