import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Device, PairedDevice } from '../../../shared/devices';
import type { Drop } from '../../../shared/drops';
import type { Clock } from '../../../electron/core/clock';
import { launchChromium } from '../../support/chromium';
import { sampleDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { listDevices, pairDevice } from '../../support/devices';
import { openPanel, screenshot, seriousA11yViolations } from '../../support/panel-pages';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../../electron/main/built-output';

/**
 * The host's Devices & audit screen in real Chromium against a real core: pairing a co-host from the
 * on-screen code, renaming and revoking it (behind a confirmation), and an audit log whose filters
 * show exactly what the API answers for the same filter.
 */

/** Real time, shifted when a test needs entries from hours ago (the API has no other way to age them). */
class ShiftedClock implements Clock {
  shift = 0;
  now(): number {
    return Date.now() + this.shift;
  }
}

const HOUR = 3_600_000;
let core: TestCore;
let browser: Browser;
const clock = new ShiftedClock();

beforeAll(async () => {
  assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
  core = await startTestCore({ rendererDir: join(ROOT, 'out/renderer'), clock });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

async function auditFromApi(query: string): Promise<AuditEntry[]> {
  const res = await core.api(`/api/audit?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditEntry[];
}

/** The rows on screen, one text per entry, once the list is not loading. */
async function shownRows(audit: Locator): Promise<string[]> {
  const list = audit.getByRole('list', { name: 'Audit entries' });
  if ((await list.count()) === 0) return [];
  if ((await list.getAttribute('aria-busy')) === 'true') return ['(loading)'];
  return list.getByRole('listitem').allInnerTexts();
}

/** Entry by entry, the screen shows what audit:list answered for the same filter, in its order. */
async function expectRowsToMatch(audit: Locator, query: string): Promise<AuditEntry[]> {
  const expected = await auditFromApi(query);
  await expect
    .poll(async () => {
      const rows = await shownRows(audit);
      return (
        rows.length === expected.length &&
        rows.every((row, i) => row.includes(expected[i].action) && row.includes(expected[i].actor))
      );
    })
    .toBe(true);
  return expected;
}

async function overflowX(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

describe('Devices & audit screen', () => {
  it('pairs a co-host from the screen, renames it, revokes it after a confirmation, and audits it all', async () => {
    const page = await openPanel(browser, core, { viewport: 'desktop', view: 'devices' });
    const devices = page.getByRole('region', { name: 'Devices' });
    await devices.getByText('No devices paired yet').waitFor();

    // The host shows a code; the phone trades it (as its sign-in screen does) and shows up unasked.
    await devices.getByRole('button', { name: 'Pair a co-host phone' }).click();
    await devices.getByRole('img', { name: /QR code for .*#pair=/ }).waitFor();
    const code = (await devices.locator('strong.code').textContent()) ?? '';
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const paired = await core.api('/api/devices/pair', {
      method: 'POST',
      token: null,
      json: { code, name: 'Sam at the merch table' },
    });
    expect(paired.status).toBe(201);
    const sam = (await paired.json()) as PairedDevice;
    await devices.getByRole('status').getByText('Sam at the merch table').waitFor({ timeout: 10_000 });
    expect(await devices.getByRole('img', { name: /QR code for/ }).count()).toBe(0);
    const row = devices.getByRole('listitem', { name: 'Sam at the merch table' });
    await row.getByText('Co-host', { exact: true }).waitFor();
    await row.getByText('Not seen yet').waitFor();

    // Sam starts a drop from the phone: the list says when Sam was last seen.
    const drop = (await (
      await core.api('/api/drops', { method: 'POST', json: sampleDrop({ title: 'Glow mug' }) })
    ).json()) as Drop;
    const started = await core.api(`/api/drops/${drop.id}/start`, { method: 'POST', token: sam.token });
    expect(started.status).toBe(200);
    await devices.getByRole('button', { name: 'Refresh' }).click();
    await row.getByText('Last seen just now').waitFor();

    // Rename: the core's refusal lands under the field; then the new name is on screen and in the API.
    await row.getByRole('button', { name: 'Rename Sam at the merch table' }).click();
    const nameField = row.getByLabel('New name for Sam at the merch table', { exact: true });
    await nameField.fill('   ');
    await row.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true');
    await nameField.fill('Sam (merch)');
    await row.getByRole('button', { name: 'Save name' }).click();
    const renamed = devices.getByRole('listitem', { name: 'Sam (merch)' });
    await renamed.waitFor();
    expect((await listDevices(core)).find((d) => d.id === sam.device.id)?.name).toBe('Sam (merch)');

    // Revoke asks first; Cancel keeps Sam signed in.
    await renamed.getByRole('button', { name: 'Revoke Sam (merch)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Sam (merch)”?' });
    await dialog.waitFor();
    await screenshot(page, 'devices-revoke-confirm');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await listDevices(core)).find((d) => d.id === sam.device.id)?.revokedAt).toBeNull();
    expect((await core.api('/api/drops', { token: sam.token })).status).toBe(200);

    await renamed.getByRole('button', { name: 'Revoke Sam (merch)' }).click();
    await dialog.getByRole('button', { name: 'Revoke access' }).click();
    await renamed.getByText(/^Revoked /).waitFor();
    expect(await renamed.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    const revoked = (await listDevices(core)).find((d) => d.id === sam.device.id);
    expect(revoked?.revokedAt).not.toBeNull();
    // The phone's token no longer opens anything.
    expect([401, 403]).toContain((await core.api('/api/drops', { token: sam.token })).status);
    expect([401, 403]).toContain(
      (await core.api(`/api/drops/${drop.id}/end`, { method: 'POST', token: sam.token })).status,
    );

    // The audit log has every step, newest first, exactly as audit:list answers.
    const audit = page.getByRole('region', { name: 'Audit log' });
    const all = await expectRowsToMatch(audit, 'limit=50');
    expect(all.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'device:pairing',
        'device:pair',
        'drop:start',
        'device:rename',
        'device:revoke',
      ]),
    );
    // The rename reads as a sentence, not JSON.
    await audit.getByText('“Sam at the merch table” → “Sam (merch)”').waitFor();

    // By action: only the revoke.
    await audit.getByLabel('Action', { exact: true }).selectOption('device:revoke');
    const revokes = await expectRowsToMatch(audit, 'limit=50&action=device:revoke');
    expect(revokes).toHaveLength(1);
    // By device: what Sam did (pairing itself and the drop start), not what the host did to Sam.
    await audit.getByLabel('Action', { exact: true }).selectOption('');
    await audit.getByLabel('Device', { exact: true }).selectOption({ label: 'Sam (merch) (revoked)' });
    const bySam = await expectRowsToMatch(audit, `limit=50&deviceId=${sam.device.id}`);
    expect(bySam.map((e) => e.action).sort()).toEqual(['device:pair', 'drop:start']);
    // Both at once.
    await audit.getByLabel('Action', { exact: true }).selectOption('drop:start');
    expect(
      await expectRowsToMatch(audit, `limit=50&deviceId=${sam.device.id}&action=drop:start`),
    ).toHaveLength(1);
    // A filter nothing matches says so.
    await audit.getByLabel('Action', { exact: true }).selectOption('obs:connect');
    await audit.getByText('No entries match these filters.').waitFor();
    await audit.getByRole('button', { name: 'Clear filters' }).click();
    await expectRowsToMatch(audit, 'limit=50');

    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'devices');
    await page.close();
  });

  it('pages the log, cuts it to a time range, and fits a phone', async () => {
    // Three pairings three hours ago, then enough today to need a second page.
    clock.shift = -3 * HOUR;
    for (let i = 0; i < 3; i++) {
      expect((await core.api('/api/devices/pairing', { method: 'POST', json: {} })).status).toBe(201);
    }
    clock.shift = 0;
    for (let i = 0; i < 52; i++) {
      expect((await core.api('/api/devices/pairing', { method: 'POST', json: {} })).status).toBe(201);
    }
    const phoneDevice = await pairDevice(core, 'Ana’s phone');
    await pairDevice(core, 'Front desk tablet', 'host');

    const page = await openPanel(browser, core, { viewport: 'phone', view: 'devices' });
    const audit = page.getByRole('region', { name: 'Audit log' });
    await audit.getByLabel('Action', { exact: true }).selectOption('device:pairing');
    const firstPage = await expectRowsToMatch(audit, 'limit=50&action=device:pairing');
    expect(firstPage).toHaveLength(50);
    await audit.getByText('50 entries shown, older ones below').waitFor();
    await audit.getByRole('button', { name: 'Load older entries' }).click();
    const everyPairing = await auditFromApi('limit=1000&action=device:pairing');
    await expect.poll(async () => (await shownRows(audit)).length).toBe(everyPairing.length);

    // The last hour: the three-hour-old pairings drop out, and there is nothing older to load.
    await audit.getByLabel('Time', { exact: true }).selectOption({ label: 'Last hour' });
    const recent = everyPairing.filter((e) => e.at >= Date.now() - HOUR);
    expect(recent.length).toBe(everyPairing.length - 3);
    // A fresh filter starts from the newest page again; the older page then stops at the hour.
    await expect.poll(async () => (await shownRows(audit)).length).toBe(50);
    await audit.getByRole('button', { name: 'Load older entries' }).click();
    await expect.poll(async () => (await shownRows(audit)).length).toBe(recent.length);
    expect(await audit.getByRole('button', { name: 'Load older entries' }).count()).toBe(0);
    await audit.getByRole('button', { name: 'Clear filters' }).click();

    const devices = page.getByRole('region', { name: 'Devices' });
    await devices
      .getByRole('listitem', { name: 'Front desk tablet' })
      .getByText('Host', { exact: true })
      .waitFor();
    await devices
      .getByRole('listitem', { name: 'Ana’s phone' })
      .getByText('Co-host', { exact: true })
      .waitFor();
    const shown: Device[] = await listDevices(core);
    expect(await devices.getByRole('list', { name: 'Paired devices' }).getByRole('listitem').count()).toBe(
      shown.length,
    );
    expect(shown.some((d) => d.id === phoneDevice.device.id)).toBe(true);

    // The pairing code and a rename form open on the phone without pushing anything off screen.
    await devices.getByRole('button', { name: 'Pair a co-host phone' }).click();
    await devices.getByRole('img', { name: /QR code for/ }).waitFor();
    await devices.getByRole('button', { name: 'Rename Ana’s phone' }).click();
    await devices.getByLabel('New name for Ana’s phone', { exact: true }).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'devices-pairing');
    // Escape leaves the name as it was.
    await devices.getByLabel('New name for Ana’s phone', { exact: true }).press('Escape');
    await devices.getByRole('button', { name: 'Rename Ana’s phone' }).waitFor();
    await devices.getByRole('button', { name: 'Hide code' }).click();
    expect(await devices.getByRole('img', { name: /QR code for/ }).count()).toBe(0);

    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'devices');
    await page.close();
  });

  it('says why the audit log did not load, and Retry brings it', async () => {
    const page = await openPanel(browser, core, { viewport: 'desktop', view: 'devices' });
    // The core is unreachable for the log's request (as when the laptop's Wi-Fi drops), then back.
    let down = true;
    await page.route(
      (url) => url.pathname === '/api/audit',
      async (route) => (down ? route.abort('connectionrefused') : route.continue()),
    );
    await page.reload();
    const audit = page.getByRole('region', { name: 'Audit log' });
    await audit
      .getByRole('alert')
      .getByText(/Cannot reach DropDeck/)
      .waitFor();
    down = false;
    await audit.getByRole('button', { name: 'Retry' }).click();
    await expectRowsToMatch(audit, 'limit=50');
    await page.close();
  });
});
