import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import type { Show } from '../../../shared/insights/shows';
import { waitForObsState } from '../../support/obs-wait';
import { programScene, RealObs, TEST_SCENES } from '../../support/real-obs';
import { sampleDrop, startLiveDrop, type TestCore } from '../../support/core-harness';
import { openPanel, screenshot, seriousA11yViolations, withPanelRig } from '../../support/panel-pages';

/**
 * The "Shows & drops" screen in real Chromium against a real core: what the host types is what the
 * API then holds, the core's refusals land under the field they are about, and a started drop is
 * shown but not editable.
 */

let core: TestCore;
let browser: Browser;
withPanelRig((rig) => ({ core, browser } = rig));

const pad = (n: number): string => String(n).padStart(2, '0');

async function getJson<T>(path: string): Promise<T> {
  const res = await core.api(path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function createViaApi(over: Record<string, unknown>): Promise<Drop> {
  const res = await core.api('/api/drops', { method: 'POST', json: sampleDrop(over) });
  expect(res.status).toBe(201);
  return (await res.json()) as Drop;
}

async function dropTitled(title: string): Promise<Drop> {
  const drops = await getJson<Drop[]>('/api/drops');
  const drop = drops.find((d) => d.title === title);
  if (!drop) throw new Error(`no drop titled ${title}`);
  return drop;
}

async function openEditor(viewport: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
  const page = await openPanel(browser, core, { viewport, view: 'drops' });
  await page.getByRole('heading', { name: 'Shows & drops' }).waitFor();
  return page;
}

/** The list on the left names each drop followed by its state badge. */
const dropButton = (page: Page, title: string) =>
  page
    .getByRole('navigation', { name: 'Shows & drops' })
    .getByRole('button', { name: new RegExp(`^${title} `) });

async function fillNewDrop(
  page: Page,
  title: string,
  url: string,
  tier1: { stock: string; price: string },
): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Checkout URL', { exact: true }).fill(url);
  const first = page.getByRole('group', { name: 'Tier 1' });
  await first.getByLabel('Stock', { exact: true }).fill(tier1.stock);
  await first.getByLabel('Price', { exact: true }).fill(tier1.price);
}

describe('shows & drops editor', () => {
  it('creates a show and a two-tier drop in it; the API holds exactly what was typed', async () => {
    const page = await openEditor();
    await page.getByText('No shows yet').waitFor();
    await page.getByText('No drops yet').waitFor();
    await screenshot(page, 'editor-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New show' }).click();
    await page.getByLabel('Show name', { exact: true }).fill('Friday vinyl night');
    await page.getByRole('button', { name: 'Create show' }).click();
    await page.getByRole('heading', { name: 'Show “Friday vinyl night”' }).waitFor();
    await page.getByRole('button', { name: 'New drop in “Friday vinyl night”' }).click();

    await page.getByRole('heading', { name: 'New drop' }).waitFor();
    expect(await page.getByLabel('Show', { exact: true }).inputValue()).not.toBe('');
    await fillNewDrop(page, 'Signed vinyl, first press', 'https://shop.example.com/checkout/vinyl', {
      stock: '40',
      price: '25.00',
    });
    await page.getByRole('button', { name: 'Add tier' }).click();
    const second = page.getByRole('group', { name: 'Tier 2' });
    await second.getByLabel('Name', { exact: true }).fill('Signed bundle');
    await second.getByLabel('Stock', { exact: true }).fill('10');
    await second.getByLabel('Price', { exact: true }).fill('45,50');
    const duration = page.getByRole('group', { name: 'Duration' });
    await duration.getByLabel('Minutes', { exact: true }).fill('12');
    await duration.getByLabel('Seconds', { exact: true }).fill('30');
    await page.getByLabel('Currency', { exact: true }).fill('usd');

    await page.getByText('Advanced: early access').click();
    await page.getByLabel('Early access (minutes)', { exact: true }).fill('2');
    await page.getByLabel('Per-buyer cap', { exact: true }).fill('2');
    await page.getByLabel('Rotate QR link every (seconds)', { exact: true }).fill('90');
    await page.getByLabel('Hold a unit while a buyer is in checkout').selectOption('always');
    await page.getByLabel('Hold for (seconds)', { exact: true }).fill('300');
    await page.getByRole('button', { name: 'Add OBS action' }).click();
    const action = page.getByRole('group', { name: 'Action 1' });
    await action.getByLabel('Scene', { exact: true }).fill('Product close-up');
    await page.getByRole('button', { name: 'Add OBS action' }).click();
    const hide = page.getByRole('group', { name: 'Action 2' });
    await hide.getByLabel('When', { exact: true }).selectOption('end');
    await hide.getByLabel('Do', { exact: true }).selectOption('hideSource');
    await hide.getByLabel('Scene', { exact: true }).fill('Product close-up');
    await hide.getByLabel('Source', { exact: true }).fill('Price tag');

    await page.getByRole('button', { name: 'Create drop' }).click();
    await page.getByRole('heading', { name: 'Edit “Signed vinyl, first press”' }).waitFor();
    await page.getByRole('status').getByText('Created as a draft').waitFor();

    const drop = await dropTitled('Signed vinyl, first press');
    const fromApi = await getJson<Drop>(`/api/drops/${drop.id}`);
    expect(fromApi.tiers.map((t) => ({ name: t.name, stock: t.stock, priceCents: t.priceCents }))).toEqual([
      { name: 'Standard', stock: 40, priceCents: 2500 },
      { name: 'Signed bundle', stock: 10, priceCents: 4550 },
    ]);
    expect(fromApi).toMatchObject({
      state: 'draft',
      currency: 'USD',
      durationSec: 750,
      checkoutUrl: 'https://shop.example.com/checkout/vinyl',
      earlyAccessSec: 120,
      perBuyerCap: 2,
      linkRotationSec: 90,
      holds: { mode: 'always', ttlSec: 300 },
      restockOnRefund: true,
      obsActions: {
        start: [{ type: 'switchScene', scene: 'Product close-up' }],
        end: [{ type: 'setItemVisible', scene: 'Product close-up', source: 'Price tag', visible: false }],
      },
    });
    const shows = await getJson<Show[]>('/api/shows');
    const show = await getJson<Show>(`/api/shows/${shows.find((s) => s.name === 'Friday vinyl night')?.id}`);
    expect(show.dropIds).toEqual([drop.id]);

    // The list shows it under its show; the tiers table shows the core's numbers.
    await dropButton(page, 'Signed vinyl, first press').waitFor();
    expect(await page.getByRole('button', { name: /^Friday vinyl night 1 drop$/ }).count()).toBe(1);
    const tiers = page.getByRole('table', { name: 'Tiers' });
    await tiers.getByRole('row', { name: /Signed bundle 10 0/ }).waitFor();
    expect(await tiers.getByRole('row').count()).toBe(3);

    await page.getByText('Advanced: early access').click();
    await screenshot(page, 'editor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("checks the checkout URL in the form and shows the core's refusal under the field", async () => {
    const page = await openEditor();
    await page.getByRole('button', { name: 'New drop' }).click();
    await fillNewDrop(page, 'Glow mug', 'ftp://shop.example/glow', { stock: '5', price: '12.50' });
    await page.getByRole('button', { name: 'Create drop' }).click();
    const url = page.getByLabel('Checkout URL', { exact: true });
    await page.getByText('The checkout link must start with https://').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    // Credentials in the URL pass the form's check but not the core's: its own words appear.
    const bad = 'https://me:secret@shop.example.com/checkout/glow';
    const refused = await core.api('/api/drops', { method: 'POST', json: sampleDrop({ checkoutUrl: bad }) });
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { message: string } };
    const coreMessage = error.message.replace(/^checkoutUrl: /, '');
    expect(coreMessage).toContain('user name or password');

    await url.fill(bad);
    await page.getByRole('button', { name: 'Create drop' }).click();
    const described = page.locator(`#${(await url.getAttribute('aria-describedby')) ?? 'none'}`);
    await expect.poll(() => described.textContent()).toBe(coreMessage);
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('The checkout link must start').count()).toBe(0);
    expect((await getJson<Drop[]>('/api/drops')).some((d) => d.title === 'Glow mug')).toBe(false);
    await page.context().close();
  });

  it("edits a draft's title and locks a live drop's settings", async () => {
    const draft = await createViaApi({ title: 'Tote bag' });
    const live = await startLiveDrop(core, { title: 'Enamel pin' });
    const shows = await Promise.all(
      ['Tuesday pop-up', 'Thursday pop-up'].map(async (name) => {
        const res = await core.api('/api/shows', { method: 'POST', json: { name } });
        return (await res.json()) as Show;
      }),
    );
    await core.api(`/api/shows/${shows[0].id}/drops`, { method: 'POST', json: { dropId: draft.id } });
    const page = await openEditor();

    await dropButton(page, 'Tote bag').click();
    const title = page.getByLabel('Title', { exact: true });
    expect(await title.inputValue()).toBe('Tote bag');
    const show = page.getByLabel('Show', { exact: true });
    expect(await show.locator('option:checked').textContent()).toBe('Tuesday pop-up');
    await title.fill('Tote bag, black');
    await show.selectOption({ label: 'Thursday pop-up' });
    await page.getByText('Advanced: early access').click();
    await page.getByLabel('Per-buyer cap', { exact: true }).fill('4');
    await page.getByLabel('Hold a unit while a buyer is in checkout').selectOption('last_units');
    await page.getByLabel('Last units', { exact: true }).fill('3');
    await page.getByLabel('Put refunded units back on sale').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await getJson<Drop>(`/api/drops/${draft.id}`)).toMatchObject({
      title: 'Tote bag, black',
      perBuyerCap: 4,
      holds: { mode: 'last_units', lastUnits: 3, ttlSec: 600, perVisitor: 3 },
      restockOnRefund: false,
      tiers: [{ name: 'Standard', stock: 10, priceCents: 2500 }],
    });
    // Moved, not copied: the core's shows say so.
    expect((await getJson<Show>(`/api/shows/${shows[0].id}`)).dropIds).toEqual([]);
    expect((await getJson<Show>(`/api/shows/${shows[1].id}`)).dropIds).toEqual([draft.id]);
    await page.getByRole('button', { name: /^Thursday pop-up 1 drop$/ }).waitFor();
    await show.selectOption({ label: 'Not in a show' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: /^Thursday pop-up 0 drops$/ }).waitFor();
    expect((await getJson<Show>(`/api/shows/${shows[1].id}`)).dropIds).toEqual([]);
    await show.selectOption({ label: 'Thursday pop-up' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: /^Thursday pop-up 1 drop$/ }).waitFor();
    await dropButton(page, 'Tote bag, black').waitFor();

    // Scheduling and unscheduling from the editor: the core's state follows.
    const soon = new Date(Date.now() + 3 * 24 * 3600_000);
    const local = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T18:00`;
    await page.getByLabel('Start at', { exact: true }).fill(local);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByRole('button', { name: 'Unschedule' }).waitFor();
    expect((await getJson<Drop>(`/api/drops/${draft.id}`)).state).toBe('scheduled');
    await dropButton(page, 'Tote bag, black').getByText('Scheduled').waitFor();
    await page.getByRole('button', { name: 'Unschedule' }).click();
    await page.getByRole('button', { name: 'Schedule', exact: true }).waitFor();
    expect(await getJson<Drop>(`/api/drops/${draft.id}`)).toMatchObject({
      state: 'draft',
      scheduledAt: null,
    });

    // Edited on another device meanwhile: the form says so and loads the new settings on request.
    expect(await page.getByText('changed on another device').count()).toBe(0);
    const patched = await core.api(`/api/drops/${draft.id}`, {
      method: 'PATCH',
      json: { title: 'Tote bag, red' },
    });
    expect(patched.status).toBe(200);
    await page.getByText('These settings were changed on another device.').waitFor();
    expect(await title.inputValue()).toBe('Tote bag, black');
    await page.getByRole('button', { name: 'Load the new settings' }).click();
    expect(await title.inputValue()).toBe('Tote bag, red');
    expect(await page.getByText('changed on another device').count()).toBe(0);

    await dropButton(page, 'Enamel pin').click();
    await page.getByRole('heading', { name: 'Enamel pin' }).waitFor();
    const toLive = page.getByRole('link', { name: 'Run it from the Live screen' });
    expect(await toLive.getAttribute('href')).toBe('#/live');
    const locked = page.getByRole('region', { name: 'Enamel pin' });
    expect(await locked.getByRole('textbox').count()).toBe(0);
    expect(await locked.getByRole('combobox').count()).toBe(0);
    expect(await page.getByLabel('Title', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    await page.getByText(live.checkoutUrl).waitFor();
    await screenshot(page, 'editor-live-drop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('records touchpoints with their creator and what each cost for a show', async () => {
    const created = await core.api('/api/shows', { method: 'POST', json: { name: 'Saturday market' } });
    const show = (await created.json()) as Show;
    const page = await openEditor();
    await page.getByRole('button', { name: /^Saturday market / }).click();
    await page.getByRole('heading', { name: 'Show “Saturday market”' }).waitFor();
    await page.getByText('No costs recorded for this show yet.').waitFor();

    // A window that ends before it starts is caught under "Ends".
    await page.getByLabel('Starts (optional)', { exact: true }).fill('2026-12-20T20:00');
    await page.getByLabel('Ends (optional)', { exact: true }).fill('2026-12-20T18:00');
    await page.getByRole('button', { name: 'Save show' }).click();
    const ends = page.getByLabel('Ends (optional)', { exact: true });
    await page.getByText('The show must end after it starts').waitFor();
    expect(await ends.getAttribute('aria-invalid')).toBe('true');
    await ends.fill('2026-12-20T23:30');
    await page.getByRole('button', { name: 'Save show' }).click();
    await page.getByRole('form', { name: 'Show “Saturday market”' }).getByText('Saved.').waitFor();
    expect(await getJson<Show>(`/api/shows/${show.id}`)).toMatchObject({
      startsAt: new Date(2026, 11, 20, 20, 0).getTime(),
      endsAt: new Date(2026, 11, 20, 23, 30).getTime(),
    });

    const form = page.getByRole('form', { name: 'New touchpoint' });
    await form.getByLabel('Key', { exact: true }).fill('flyer-berlin');
    await form.getByLabel('Kind', { exact: true }).selectOption('local_ad');
    await form.getByLabel('Label', { exact: true }).fill('Flyers in Berlin');
    await form.getByLabel('Creator', { exact: true }).fill('Mia');
    await form.getByRole('button', { name: 'Add touchpoint' }).click();
    const row = page.getByRole('form', { name: 'Touchpoint Flyers in Berlin' });
    expect(await row.getByLabel('Creator for Flyers in Berlin').inputValue()).toBe('Mia');

    // A key the core refuses: its words, under the key.
    await form.getByLabel('Key', { exact: true }).fill('Not A Key');
    await form.getByRole('button', { name: 'Add touchpoint' }).click();
    await form.getByText('touchpoint keys are 1-40 lowercase letters').waitFor();

    const dm = page.getByRole('form', { name: 'Touchpoint Creator DM link' });
    await dm.getByLabel('Creator for Creator DM link').fill('Jonas');
    await dm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dm.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    // The stream QR is on public overlays: the core refuses to credit a creator there, and says why.
    const stream = page.getByRole('form', { name: 'Touchpoint Stream QR' });
    await stream.getByLabel('Creator for Stream QR').fill('Jonas');
    await stream.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: "can't be shown on stream" }).waitFor();
    const tps =
      await getJson<{ key: string; kind: string; label: string; creator: string | null }[]>(
        '/api/touchpoints',
      );
    expect(tps.find((t) => t.key === 'flyer-berlin')).toMatchObject({
      kind: 'local_ad',
      label: 'Flyers in Berlin',
      creator: 'Mia',
    });
    expect(tps.find((t) => t.key === 'dm')?.creator).toBe('Jonas');
    expect(tps.find((t) => t.key === 'stream')?.creator).toBeNull();

    const costs = page.getByRole('form', { name: 'Touchpoint costs' });
    await costs.getByLabel('Touchpoint', { exact: true }).selectOption('flyer-berlin');
    await costs.getByLabel('Cost', { exact: true }).fill('40.50');
    await costs.getByRole('button', { name: 'Save cost' }).click();
    await costs.getByRole('listitem').filter({ hasText: 'Flyers in Berlin' }).getByText('€40.50').waitFor();
    expect((await getJson<Show>(`/api/shows/${show.id}`)).costs).toEqual([
      { touchpoint: 'flyer-berlin', amountCents: 4050, currency: 'EUR', note: null },
    ]);

    // Creator splits: more than 100 % is the core's to refuse; then a valid split is stored as typed.
    const splits = page.getByRole('form', { name: 'Creator splits' });
    await splits.getByRole('button', { name: 'Add share' }).click();
    await splits.getByRole('group', { name: 'Share 1' }).getByLabel('Creator', { exact: true }).fill('Mia');
    await splits.getByRole('group', { name: 'Share 1' }).getByLabel('Percent', { exact: true }).fill('60');
    await splits.getByRole('button', { name: 'Add share' }).click();
    await splits.getByRole('group', { name: 'Share 2' }).getByLabel('Creator', { exact: true }).fill('Jonas');
    await splits.getByRole('group', { name: 'Share 2' }).getByLabel('Percent', { exact: true }).fill('50');
    await splits.getByRole('button', { name: 'Save splits' }).click();
    await splits.getByRole('alert').getByText('shares add up to more than 100 %').waitFor();
    await splits.getByRole('group', { name: 'Share 1' }).getByLabel('Percent', { exact: true }).fill('12,5');
    await splits.getByRole('button', { name: 'Save splits' }).click();
    await splits.getByRole('status').getByText('Saved.').waitFor();
    await splits.getByText('Creators get 62.5 %').waitFor();
    const stored = (await getJson<Show>(`/api/shows/${show.id}`)).splits;
    expect(stored.map((x) => `${x.dropId}:${x.creator}:${x.percent}`).sort()).toEqual([
      'null:Jonas:50',
      'null:Mia:12.5',
    ]);

    await screenshot(page, 'editor-show');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('says why the shows did not load, and Retry loads them', async () => {
    await core.api('/api/shows', { method: 'POST', json: { name: 'Back after a retry' } });
    const page = await openPanel(browser, core, { view: 'drops' });
    const refuse = (route: Route): Promise<void> =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'database is locked' } }),
      });
    await page.route('**/api/shows', refuse);
    await page.route('**/api/touchpoints', refuse);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the shows: database is locked' });
    await alert.waitFor();
    await page.unroute('**/api/shows');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('button', { name: /^Back after a retry / }).waitFor();
    expect(await alert.count()).toBe(0);

    const tpAlert = page
      .getByRole('alert')
      .filter({ hasText: 'Could not load the touchpoints: database is locked' });
    await tpAlert.waitFor();
    await page.unroute('**/api/touchpoints');
    await tpAlert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('form', { name: 'Touchpoint Stream QR' }).waitFor();
    expect(await tpAlert.count()).toBe(0);
    await page.context().close();
  });

  it('is usable at phone width: fill and save a drop, nothing wider than the screen', async () => {
    await createViaApi({ title: 'Phone tote' });
    await core.api('/api/shows', { method: 'POST', json: { name: 'Sunday flea market' } });
    const page = await openEditor('phone');
    await page.getByRole('button', { name: 'New drop' }).click();
    await fillNewDrop(page, 'Phone-made poster', 'https://shop.example.com/checkout/poster', {
      stock: '15',
      price: '9.90',
    });
    await page.getByRole('button', { name: 'Create drop' }).click();
    await page.getByRole('heading', { name: 'Edit “Phone-made poster”' }).waitFor();
    const drop = await dropTitled('Phone-made poster');
    expect(drop.tiers.map((t) => [t.name, t.stock, t.priceCents])).toEqual([['Standard', 15, 990]]);

    // Picking a drop in the list (above the editor on a phone) brings its form's heading into focus.
    await dropButton(page, 'Phone tote').click();
    const heading = page.getByRole('heading', { name: 'Edit “Phone tote”' });
    await expect
      .poll(() => page.evaluate<string | null>('document.activeElement?.textContent ?? null'))
      .toBe('Edit “Phone tote”');
    expect(await heading.boundingBox().then((b) => b && b.y >= 0 && b.y < 844)).toBe(true);

    await dropButton(page, 'Phone-made poster').click();
    await page.getByText('Advanced: early access').click();
    await page.getByRole('button', { name: 'Add OBS action' }).click();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'editor');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Sunday flea market / }).click();
    await page.getByRole('heading', { name: 'Show “Sunday flea market”' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'editor-show');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('shows & drops editor with a real OBS connected', () => {
  let obs: RealObs;

  beforeAll(async () => {
    obs = await RealObs.start();
    await core.api('/api/obs/connect', { method: 'POST', json: { url: obs.url } });
    await waitForObsState(core, 'connected', 10_000);
  }, 90_000);

  afterAll(async () => {
    await core?.api('/api/obs/disconnect', { method: 'POST' });
    await obs?.stop();
  });

  it("offers OBS's scene names, and the drop switches OBS to the chosen scene when it starts", async () => {
    const page = await openEditor();
    await page.getByText('OBS: connected').waitFor();
    await page.getByRole('button', { name: 'New drop' }).click();
    await fillNewDrop(page, 'Scene-switch hoodie', 'https://shop.example.com/checkout/hoodie', {
      stock: '8',
      price: '49',
    });
    await page.getByText('Advanced: early access').click();
    await page.getByRole('button', { name: 'Add OBS action' }).click();
    await page.getByText('Scene names are suggested from OBS.').waitFor();
    const scene = page.getByRole('group', { name: 'Action 1' }).getByLabel('Scene', { exact: true });
    const listId = await scene.getAttribute('list');
    const offered = await page.evaluate<string[]>(
      `[...document.querySelectorAll('datalist[id="${listId}"] option')].map((o) => o.value)`,
    );
    expect(offered.sort()).toEqual(Object.values(TEST_SCENES).sort());
    await scene.fill(TEST_SCENES.drop);
    await page.getByRole('button', { name: 'Create drop' }).click();
    await page.getByRole('heading', { name: 'Edit “Scene-switch hoodie”' }).waitFor();

    const drop = await dropTitled('Scene-switch hoodie');
    expect(drop.obsActions).toEqual({ start: [{ type: 'switchScene', scene: TEST_SCENES.drop }] });
    const observer = await obs.client();
    expect(await programScene(observer)).toBe(TEST_SCENES.main);
    const started = await core.api(`/api/drops/${drop.id}/start`, { method: 'POST' });
    expect(started.status).toBe(200);
    await expect.poll(() => programScene(observer), { timeout: 10_000 }).toBe(TEST_SCENES.drop);
    await page.context().close();
  });
});
