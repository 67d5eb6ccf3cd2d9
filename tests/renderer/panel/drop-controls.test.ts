import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import { hideFor } from '../../support/chromium';
import { sampleDrop, type TestCore } from '../../support/core-harness';
import { openPanel, seriousA11yViolations, withPanelRig } from '../../support/panel-pages';

/**
 * The drop controls as a host uses them without the mouse, eyes on the stream: Alt+S / Alt+↑ / Alt+E
 * on the drop on air, confirmations answered from the keyboard, and an answer on screen for each
 * press. Then the laptop "sleeps" and the panel says so and catches up.
 */

let core: TestCore;
let browser: Browser;
withPanelRig((rig) => ({ core, browser } = rig));

async function createDrop(title: string): Promise<Drop> {
  const res = await core.api('/api/drops', { method: 'POST', json: sampleDrop({ title }) });
  return (await res.json()) as Drop;
}

async function getDrop(id: number): Promise<Drop> {
  return (await (await core.api(`/api/drops/${id}`)).json()) as Drop;
}

const notice = (page: Page) => page.locator('.action-notice');
/** The dashboard's card for the drop it shows (on air, or the last one that ran). */
const shownDrop = (page: Page, title: string) =>
  page.getByRole('region', { name: /^(On air|Shown drop)$/ }).filter({ hasText: title });

describe('drop controls from the keyboard', () => {
  it('starts, extends and ends the drop on air with shortcuts and keyboard-answered confirmations', async () => {
    const drop = await createDrop('Keyboard tee');
    const page = await openPanel(browser, core, { view: 'live' });
    await page.getByText('Live: updates arrive in real time').waitFor();
    const start = page.getByRole('button', { name: 'Start' }).first();
    // The drop the shortcuts act on shows its keys.
    expect(await start.getAttribute('aria-keyshortcuts')).toBe('Alt+S');

    // Alt+S asks first (a blind key press); Cancel has the focus, so Enter there changes nothing.
    await page.keyboard.press('Alt+KeyS');
    const dialog = page.getByRole('dialog', { name: 'Start “Keyboard tee”?' });
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect((await getDrop(drop.id)).state).toBe('draft');

    // Alt+S again, Tab to "Start now", Enter: live.
    await page.keyboard.press('Alt+KeyS');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await notice(page).getByText('“Keyboard tee” is live.').waitFor();
    const live = await getDrop(drop.id);
    expect(live.state).toBe('live');
    await page.getByRole('timer', { name: 'Time left' }).first().waitFor();

    // Alt+↑ adds 30 s without asking.
    await page.keyboard.press('Alt+ArrowUp');
    await notice(page).getByText('Added 30 s to “Keyboard tee”.').waitFor();
    expect((await getDrop(drop.id)).endsAt).toBe((live.endsAt ?? 0) + 30_000);

    // Alt+E: the question says what ending means; Escape backs out, the drop stays live.
    await page.keyboard.press('Alt+KeyE');
    const endDialog = page.getByRole('dialog', { name: 'End “Keyboard tee” now?' });
    await endDialog.getByText('Buyers can no longer check out').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await endDialog.waitFor({ state: 'hidden' });
    expect((await getDrop(drop.id)).state).toBe('live');
    await page.keyboard.press('Alt+KeyE');
    await endDialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await notice(page).getByText('“Keyboard tee” has ended.').waitFor();
    expect((await getDrop(drop.id)).state).toBe('ended');

    // Nothing left on air: a press is answered, not ignored.
    await page.keyboard.press('Alt+ArrowUp');
    await notice(page).getByText('No drop to control yet').waitFor();
    await page.context().close();
  });

  it('the End button asks too, and a click outside the question cancels it', async () => {
    const drop = await createDrop('Button hoodie');
    await core.api(`/api/drops/${drop.id}/start`, { method: 'POST' });
    const page = await openPanel(browser, core, { view: 'live' });
    const card = shownDrop(page, 'Button hoodie');
    await card.getByText('Live', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'End' }).click();
    const dialog = page.getByRole('dialog', { name: 'End “Button hoodie” now?' });
    await dialog.waitFor();
    await page.mouse.click(5, 5);
    await dialog.waitFor({ state: 'hidden' });
    expect((await getDrop(drop.id)).state).toBe('live');
    await card.getByRole('button', { name: 'End' }).click();
    await dialog.getByRole('button', { name: 'End drop' }).click();
    await card.getByText('Ended', { exact: true }).waitFor();
    await page.context().close();
  });

  it('says the device slept, reconnects and shows what changed meanwhile', async () => {
    const drop = await createDrop('Sleepy socks');
    await core.api(`/api/drops/${drop.id}/start`, { method: 'POST' });
    const page = await openPanel(browser, core, { view: 'live' });
    const card = shownDrop(page, 'Sleepy socks');
    await card.getByText('Live', { exact: true }).waitFor();
    await page.getByText('Live: updates arrive in real time').waitFor();

    // A closed lid, modelled as a page whose JavaScript is frozen for 17 s while the show goes on.
    const frozen = hideFor(page, 17_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await core.api(`/api/drops/${drop.id}/end`, { method: 'POST' });
    await frozen;

    await page.getByText(/This device was asleep for \d+ s|Back online after \d+ s asleep/).waitFor();
    await page.getByText(/Back online after \d+ s asleep — everything on screen is up to date/).waitFor();
    await card.getByText('Ended', { exact: true }).waitFor();
    await page.context().close();
  }, 45_000);
});
