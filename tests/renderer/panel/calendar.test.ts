import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import { sampleDrop, type TestCore } from '../../support/core-harness';
import { pairDevice } from '../../support/devices';
import { openPanel, screenshot, seriousA11yViolations, withPanelRig } from '../../support/panel-pages';

/**
 * The drop calendar in real Chromium against a real core: a drop the host schedules in the editor
 * lands on its day of the week view, the week buttons move through weeks, co-hosts read it too.
 * Node and Chromium share this machine's time zone, so local dates computed here match the page's.
 */

let core: TestCore;
let browser: Browser;
withPanelRig((rig) => ({ core, browser } = rig));

const pad = (n: number): string => String(n).padStart(2, '0');
const dateKey = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Wednesday of next week (Monday-based weeks), 19:30 local. */
function nextWeekWednesdayEvening(): Date {
  const now = new Date();
  const sinceMonday = (now.getDay() + 6) % 7;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - sinceMonday + 9, 19, 30);
}

async function createDraft(title: string): Promise<Drop> {
  const res = await core.api('/api/drops', { method: 'POST', json: sampleDrop({ title }) });
  expect(res.status).toBe(201);
  return (await res.json()) as Drop;
}

/** The day cell of the week view holding `date` (YYYY-MM-DD). */
const day = (page: Page, date: string) => page.locator(`li:has(> h3 time[datetime="${date}"])`);

describe('drop calendar', () => {
  it('shows a drop scheduled in the editor on its day; the week buttons navigate', async () => {
    const draft = await createDraft('Midweek mug');
    const at = nextWeekWednesdayEvening();

    const editor = await openPanel(browser, core, { view: 'drops' });
    await editor.getByRole('button', { name: /^Midweek mug / }).click();
    await editor.getByLabel('Start at', { exact: true }).fill(`${dateKey(at)}T19:30`);
    await editor.getByRole('button', { name: 'Schedule', exact: true }).click();
    await editor.getByRole('button', { name: 'Move schedule' }).waitFor();
    const scheduled = (await (await core.api(`/api/drops/${draft.id}`)).json()) as Drop;
    expect(scheduled).toMatchObject({ state: 'scheduled', scheduledAt: at.getTime() });
    await editor.context().close();

    const page = await openPanel(browser, core, { view: 'calendar' });
    await page.getByRole('heading', { name: /^Week of / }).waitFor();
    await page.getByRole('status').getByText('No drops scheduled this week.').waitFor();
    expect(await page.getByRole('button', { name: 'This week' }).isDisabled()).toBe(true);
    const thisWeek = await page.getByRole('heading', { name: /^Week of / }).textContent();

    await page.getByRole('button', { name: 'Next week' }).click();
    const cell = day(page, dateKey(at));
    await cell.getByText('Midweek mug').waitFor();
    const time = cell.locator('time.calendar__time');
    expect(await time.getAttribute('datetime')).toBe(at.toISOString());
    expect(await time.textContent()).toMatch(/^(19:30|0?7:30\s?PM)$/i);
    await cell.getByText(/10 units/).waitFor();
    await page.getByRole('status').getByText('1 scheduled drop this week').waitFor();
    // Only that day holds it: the six others say nothing is scheduled.
    expect(await page.getByText('Nothing scheduled').count()).toBe(6);
    expect(await page.getByRole('heading', { name: /^Week of / }).textContent()).not.toBe(thisWeek);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByRole('status').getByText('No drops scheduled this week.').waitFor();
    expect(await page.getByRole('heading', { name: /^Week of / }).textContent()).toBe(thisWeek);
    expect(await page.getByText('Midweek mug').count()).toBe(0);
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByRole('button', { name: 'This week' }).click();
    expect(await page.getByRole('heading', { name: /^Week of / }).textContent()).toBe(thisWeek);

    // The host opens the drop from the calendar straight into the editor.
    await page.getByRole('button', { name: 'Next week' }).click();
    await cell.getByRole('link', { name: 'Midweek mug' }).click();
    await page.getByRole('heading', { name: 'Edit “Midweek mug”' }).waitFor();
    await page.getByRole('button', { name: 'Move schedule' }).waitFor();
    expect(page.url()).toMatch(/#\/drops$/);
    await page.context().close();
  });

  it('follows a schedule made elsewhere, and shows a failed load with a working Retry', async () => {
    const draft = await createDraft('Late tote');
    const at = new Date(nextWeekWednesdayEvening().getTime() + 24 * 3600_000);
    const page = await openPanel(browser, core, { view: 'calendar' });
    await page.getByRole('heading', { name: /^Week of / }).waitFor();
    await page.getByRole('button', { name: 'Next week' }).click();
    await page
      .getByRole('status')
      .getByText(/scheduled drops? this week|No drops scheduled/)
      .waitFor();

    // Scheduled over the API while the page is open: the hub's drop:updated brings it in.
    const res = await core.api(`/api/drops/${draft.id}/schedule`, {
      method: 'POST',
      json: { at: at.getTime() },
    });
    expect(res.status).toBe(200);
    await day(page, dateKey(at)).getByText('Late tote').waitFor();

    // A second drop that evening, with two tiers: soonest first within the day.
    const bundle = await core.api('/api/drops', {
      method: 'POST',
      json: sampleDrop({
        title: 'Signed poster bundle',
        stock: 20,
        priceCents: 1500,
        tiers: [{ name: 'Framed', stock: 5, priceCents: 6000 }],
      }),
    });
    const { id } = (await bundle.json()) as Drop;
    await core.api(`/api/drops/${id}/schedule`, { method: 'POST', json: { at: at.getTime() - 3600_000 } });
    const thursday = day(page, dateKey(at)).locator('.calendar__drop-title');
    await expect.poll(() => thursday.allTextContents()).toEqual(['Signed poster bundle', 'Late tote']);
    await day(page, dateKey(at)).getByText('25 units · from €15.00 · 2 tiers').waitFor();
    await screenshot(page, 'calendar');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.route('**/api/calendar**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'The core is restarting' } }),
      }),
    );
    await page.getByRole('button', { name: 'Previous week' }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Could not load the calendar: The core is restarting' });
    await alert.waitFor();
    await page.unroute('**/api/calendar**');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('status').getByText('No drops scheduled this week.').waitFor();
    await page.context().close();
  });

  it("is a vertical list of days on a co-host's phone, read-only", async () => {
    const poster = await createDraft('Poster for the phone');
    const at = nextWeekWednesdayEvening().getTime() + 30 * 60_000;
    await core.api(`/api/drops/${poster.id}/schedule`, { method: 'POST', json: { at } });
    const cohost = await pairDevice(core, 'Sam at the merch table');
    const page = await openPanel(browser, core, { viewport: 'phone', view: 'calendar', token: cohost.token });
    await page.getByRole('heading', { name: /^Week of / }).waitFor();
    await page.getByRole('button', { name: 'Next week' }).click();
    const cell = day(page, dateKey(nextWeekWednesdayEvening()));
    await cell.getByText('Poster for the phone').waitFor();

    // Days stack: each starts below the previous one, at the same left edge, inside the screen.
    const boxes = await page.evaluate<{ x: number; y: number; right: number }[]>(
      `[...document.querySelectorAll('.calendar__day')].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, right: r.right };
      })`,
    );
    expect(boxes).toHaveLength(7);
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i].y).toBeGreaterThan(boxes[i - 1].y);
      expect(boxes[i].x).toBe(boxes[0].x);
    }
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(390);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await page.getByRole('link', { name: 'Shows & drops' }).count()).toBe(0);
    expect(await cell.getByRole('link').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await screenshot(page, 'calendar');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
