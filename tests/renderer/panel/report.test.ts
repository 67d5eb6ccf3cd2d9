import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ShowReport } from '../../../shared/insights/report';
import type { Show } from '../../../shared/insights/shows';
import type { Sale } from '../../../shared/sales';
import type { Touchpoint } from '../../../shared/touchpoints';
import { type TestCore } from '../../support/core-harness';
import { pairDevice } from '../../support/devices';
import { openPanel, screenshot, seriousA11yViolations, withPanelRig } from '../../support/panel-pages';
import { ROOT } from '../../electron/main/built-output';
import {
  ANDROID,
  createShow,
  creatorTouchpoint,
  IPHONE,
  json,
  link,
  liveDropInShow,
  scanAs,
} from '../../electron/core/insights/show-helpers';

/**
 * The Report screen in real Chromium against a real core: a show with two drops, scans, sales over
 * sale:record, a refund and creator splits; every number on screen is report:show's, it prints light,
 * and a co-host is told the report is the host's.
 */

let core: TestCore;
let browser: Browser;
withPanelRig((rig) => ({ core, browser } = rig));

/** "€1,234.50" / "-€25.00" → cents, whatever the locale's grouping; the digits are what matter. */
function cents(text: string): number {
  const digits = Number(text.replace(/[^\d]/g, ''));
  return /[-−]/.test(text) ? -digits : digits;
}

async function cellTexts(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map((r) => r.locator('td').allInnerTexts()));
}

async function seedShow(t: TestCore): Promise<Show> {
  const now = Date.now();
  await creatorTouchpoint(t, 'ana-dm', 'Ana');
  const show = await createShow(t, {
    name: 'Friday pop-up',
    startsAt: now - 3_600_000,
    endsAt: now + 3 * 3_600_000,
  });
  const mug = await liveDropInShow(t, show.id, { title: 'Glow mug', stock: 10 });
  const tote = await liveDropInShow(t, show.id, { title: 'Tote', stock: 5, priceCents: 2000 });
  const mugStream = await link(t, mug.id, 'stream');
  const mugDm = await link(t, mug.id, 'ana-dm');
  const toteVenue = await link(t, tote.id, 'venue');
  await scanAs(t, mugStream, '203.0.113.1', IPHONE, true);
  await scanAs(t, mugStream, '203.0.113.2', IPHONE, true);
  await scanAs(t, mugDm, '203.0.113.3', IPHONE);
  await scanAs(t, toteVenue, '203.0.113.4', ANDROID, true);

  const sale = async (body: Record<string, unknown>): Promise<Sale> =>
    json<Sale>(
      await t.api('/api/sales', { method: 'POST', json: { currency: 'EUR', source: 'stripe', ...body } }),
      201,
    );
  await sale({ dropId: mug.id, quantity: 2, amountCents: 5000, externalId: 'pi_1', ref: mugDm.code });
  const refunded = await sale({
    dropId: mug.id,
    quantity: 1,
    amountCents: 2500,
    externalId: 'pi_2',
    ref: mugStream.code,
  });
  await sale({ dropId: tote.id, quantity: 3, amountCents: 6000, externalId: 'pi_3', ref: toteVenue.code });
  await json(await t.api(`/api/ledger/entries/${refunded.id}/refunds`, { method: 'POST', json: {} }), 201);

  await json(
    await t.api(`/api/shows/${show.id}/costs`, {
      method: 'POST',
      json: { touchpoint: 'stream', amountCents: 5000, currency: 'EUR' },
    }),
  );
  await json(
    await t.api(`/api/shows/${show.id}/splits`, {
      method: 'POST',
      json: {
        splits: [
          { creator: 'Ana', percent: 10 },
          { creator: 'Ben', percent: 15.5 },
        ],
      },
    }),
  );
  return json<Show>(
    await t.api(`/api/shows/${show.id}/splits`, {
      method: 'POST',
      json: { dropId: tote.id, splits: [{ creator: 'Ana', percent: 50 }] },
    }),
  );
}

async function overflowX(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Relative luminance of a CSS rgb() colour (0 black … 1 white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('Report screen', () => {
  it('says there is no show yet, before there is one', async () => {
    const page = await openPanel(browser, core, { view: 'report' });
    const view = page.getByRole('region', { name: 'Report' });
    await view.getByText('No shows yet.').waitFor();
    expect(await view.getByRole('button', { name: 'Print' }).count()).toBe(0);
    await page.close();
  });

  it('shows report:show’s numbers for the picked show, and prints on white', async () => {
    const show = await seedShow(core);
    const report = await json<ShowReport>(await core.api(`/api/shows/${show.id}/report`));
    const revenue = report.kpis.revenue[0];
    // Tables name touchpoints as the host labelled them (the report itself carries their keys).
    const touchpoints = await json<Touchpoint[]>(await core.api('/api/touchpoints'));
    const name = (key: string): string => touchpoints.find((t) => t.key === key)?.label ?? key;
    expect(revenue.refundsCents).toBe(-2500);

    const page = await openPanel(browser, core, { viewport: 'desktop', view: 'report' });
    const view = page.getByRole('region', { name: 'Report' });
    const body = view.getByRole('article', { name: 'Report for Friday pop-up' });
    await body.waitFor();
    expect(await view.getByLabel('Show', { exact: true }).inputValue()).toBe(String(show.id));

    // Summary cards: the money the API computed, to the cent.
    const figure = async (label: string): Promise<number> =>
      cents(
        await body
          .locator('.report-figure', { has: page.getByText(label, { exact: true }) })
          .locator('dd')
          .innerText(),
      );
    expect(await figure('Net revenue')).toBe(revenue.netCents);
    expect(await figure('Host net after splits')).toBe(revenue.hostNetCents);
    expect(await figure('Creator shares')).toBe(revenue.creatorSharesCents);
    expect(await figure('Refunds')).toBe(revenue.refundsCents);

    // Revenue and refunds, line by line.
    const money = await cellTexts(body.getByRole('table', { name: 'Revenue and refunds' }));
    expect(Object.fromEntries(money.map(([line, amount]) => [line, cents(amount)]))).toEqual({
      'Gross sales': revenue.grossCents,
      Refunds: revenue.refundsCents,
      Adjustments: revenue.adjustmentsCents,
      'Net revenue': revenue.netCents,
      'Creator shares': revenue.creatorSharesCents,
      'Host net': revenue.hostNetCents,
    });

    // Per drop: purchases and cost per acquisition.
    const drops = await cellTexts(body.getByRole('table', { name: /^Drops/ }));
    expect(drops.map((r) => r[0])).toEqual(report.drops.map((d) => d.title));
    for (const row of drops) {
      const cpa = report.kpis.cpa.byDrop.find((c) => c.title === row[0]);
      expect(Number(row[2])).toBe(cpa?.acquisitions ?? 0);
      expect(row[4] === '—' ? null : cents(row[4])).toBe(cpa?.cpaCents ?? null);
    }

    // Attribution per touchpoint, under the default model and after switching to linear.
    const attribution = body.getByRole('table', { name: /^Attribution by touchpoint/ });
    for (const model of ['last_touch', 'linear'] as const) {
      await view.getByLabel('Attribution model', { exact: true }).selectOption(model);
      const expected = report.attribution.models.find((m) => m.model === model)?.rows ?? [];
      expect(expected.length).toBeGreaterThan(0);
      const rows = await cellTexts(attribution);
      expect(rows).toHaveLength(expected.length);
      for (const e of expected) {
        const row = rows.find((r) => r[0] === (e.label || e.touchpoint));
        expect(row, e.touchpoint).toBeDefined();
        expect(Number(row?.[2])).toBeCloseTo(e.conversions, 2);
        expect(cents(row?.[3] ?? '')).toBe(e.revenueCents);
      }
    }

    // What each touchpoint cost: the stream's €50 is on screen as the API has it.
    const costs = await cellTexts(body.getByRole('table', { name: /^Cost per touchpoint/ }));
    expect(costs.map((r) => [r[0], cents(r[1]), Number(r[2])])).toEqual(
      report.kpis.cpa.byTouchpoint.map((c) => [name(c.touchpoint), c.costCents, c.acquisitions]),
    );
    expect(costs.find((r) => r[0] === name('stream'))?.[1]).toBeDefined();

    // Clicks per touchpoint, bots left out as the core counts them.
    const clicks = await cellTexts(body.getByRole('table', { name: /^Clicks by touchpoint/ }));
    expect(clicks.map((r) => [r[0], Number(r[1]), Number(r[3])])).toEqual(
      report.kpis.clicksPerMinute.byTouchpoint.map((c) => [name(c.touchpoint), c.clicks, c.peak]),
    );
    expect(clicks.length).toBeGreaterThan(0);

    // Conversion by touchpoint: visitors and purchases as counted.
    const conversion = await cellTexts(body.getByRole('table', { name: 'Conversion by touchpoint' }));
    expect(conversion.map((r) => [r[0], Number(r[1]), Number(r[2])])).toEqual(
      report.kpis.conversionByTouchpoint.map((c) => [name(c.key), c.visitors, c.purchases]),
    );

    // Splits: every party's amount in every scope.
    expect(report.splits.length).toBe(2);
    for (const scope of report.splits) {
      const title =
        scope.dropId === null ? 'Show-wide' : report.drops.find((d) => d.id === scope.dropId)?.title;
      const rows = await cellTexts(body.getByRole('table', { name: new RegExp(`^${title}: net`) }));
      expect(rows.map((r) => [r[0], cents(r[2])])).toEqual(scope.shares.map((s) => [s.creator, s.cents]));
    }

    // The standalone page is one click away, for the same show.
    expect(await view.getByRole('link', { name: /printable page/ }).getAttribute('href')).toBe(
      `./report.html?show=${show.id}`,
    );

    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'report');

    // Paper: the controls go, the report turns black on white.
    await page.emulateMedia({ media: 'print' });
    expect(await view.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await view.getByLabel('Attribution model', { exact: true }).isVisible()).toBe(false);
    // (A string: this file is type-checked for Node, without the DOM library.)
    const colours = await page.evaluate<{ background: string; text: string }>(`(() => {
      const view = document.querySelector('[aria-label="Report"]');
      const cell = view.querySelector('td');
      return { background: getComputedStyle(view).backgroundColor, text: getComputedStyle(cell).color };
    })()`);
    expect(luminance(colours.background)).toBeGreaterThan(0.95);
    expect(luminance(colours.text)).toBeLessThan(0.1);
    await view.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'report-print-desktop.png') });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('refreshes after a late sale, and keeps the picked show when a newer one appears', async () => {
    const shows = await json<Show[]>(await core.api('/api/shows'));
    const friday = shows.find((x) => x.name === 'Friday pop-up');
    const mugId = friday?.dropIds[0];
    expect(mugId).toBeDefined();
    const page = await openPanel(browser, core, { viewport: 'desktop', view: 'report' });
    const view = page.getByRole('region', { name: 'Report' });
    const body = view.getByRole('article', { name: 'Report for Friday pop-up' });
    await body.waitFor();
    const net = async (): Promise<number> =>
      cents(
        await body
          .locator('.report-figure', { has: page.getByText('Net revenue', { exact: true }) })
          .locator('dd')
          .innerText(),
      );
    const before = await net();

    // A sale the stream brought in after the host opened the report: Refresh shows the new total.
    await json(
      await core.api('/api/sales', {
        method: 'POST',
        json: {
          dropId: mugId,
          quantity: 1,
          amountCents: 2500,
          currency: 'EUR',
          source: 'stripe',
          externalId: 'pi_late',
        },
      }),
      201,
    );
    const after = await json<ShowReport>(await core.api(`/api/shows/${friday?.id}/report`));
    expect(after.kpis.revenue[0].netCents).toBe(before + 2500);
    await view.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(net).toBe(after.kpis.revenue[0].netCents);

    // The host picked Friday; a newer show does not take its place, even after a reload.
    await view.getByLabel('Show', { exact: true }).selectOption(String(friday?.id));
    const saturday = await createShow(core, { name: 'Saturday market' });
    await page.reload();
    await body.waitFor();
    expect(await view.getByLabel('Show', { exact: true }).inputValue()).toBe(String(friday?.id));
    // Picking the new one shows its (still empty) report, with nothing invented.
    await view.getByLabel('Show', { exact: true }).selectOption(String(saturday.id));
    const empty = view.getByRole('article', { name: 'Report for Saturday market' });
    await empty.waitFor();
    expect(await cellTexts(empty.getByRole('table', { name: /^Drops/ }))).toEqual([['Nothing recorded.']]);
    expect(await empty.getByText('No creator splits for this show.').count()).toBe(1);
    await page.close();
  });

  it('fits a phone, and says why a report did not load with a Retry', async () => {
    const page = await openPanel(browser, core, { viewport: 'phone', view: 'report' });
    let down = true;
    await page.route(
      (url) => /^\/api\/shows\/\d+\/report$/.test(url.pathname),
      async (route) => (down ? route.abort('connectionrefused') : route.continue()),
    );
    await page.reload();
    const view = page.getByRole('region', { name: 'Report' });
    await view
      .getByRole('alert')
      .getByText(/Cannot reach DropDeck/)
      .waitFor();
    down = false;
    await view.getByRole('button', { name: 'Retry' }).click();
    // The newest show opens first; the phone's screenshot wants the one with numbers.
    await view.getByRole('article', { name: /^Report for / }).waitFor();
    const friday = (await json<Show[]>(await core.api('/api/shows'))).find((x) => x.name === 'Friday pop-up');
    await view.getByLabel('Show', { exact: true }).selectOption(String(friday?.id));
    await view.getByRole('article', { name: 'Report for Friday pop-up' }).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'report');
    await page.close();
  });

  it('tells a co-host the report is the host’s, without asking the core for it', async () => {
    const { token } = await pairDevice(core, 'Sam at the merch table');
    expect((await core.api('/api/shows/1/report', { token })).status).toBe(403);
    const page = await openPanel(browser, core, { viewport: 'phone', view: 'report', token });
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/report')) asked.push(r.url());
    });
    await page.reload();
    const view = page.getByRole('region', { name: 'Report' });
    await view
      .getByRole('status')
      .getByText(/for the host only/)
      .waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Report' }).count(),
    ).toBe(1);
    expect(await view.getByRole('alert').count()).toBe(0);
    expect(asked).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'report-cohost');
    await page.close();
  });
});
