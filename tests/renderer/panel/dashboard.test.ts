import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import type { ShowKpis } from '../../../shared/insights/kpis';
import type { Show } from '../../../shared/insights/shows';
import type { WebhookStats } from '../../../shared/ledger';
import type { Link } from '../../../shared/links';
import type { DropStats } from '../../../shared/stats';
import { launchChromium } from '../../support/chromium';
import { startLiveDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { pairDevice } from '../../support/devices';
import { RawFacts } from '../../support/raw-facts';
import { openPanel, screenshot, seriousA11yViolations } from '../../support/panel-pages';
import { scan } from '../../support/scan';
import {
  checkoutSession,
  postStripe,
  stripeEvent,
  stripeSignature,
  WEBHOOK_ENV,
} from '../../support/webhooks';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../../electron/main/built-output';

/**
 * The Live screen against a real core in real Chromium: the host watches scans and sales of the drop
 * on air arrive per minute and touchpoint, sees a webhook sale within a second, and is alarmed by
 * oversold units and refused webhooks — on the laptop and on a co-host's phone.
 */

let core: TestCore;
let browser: Browser;
let host: Page;
let drop: Drop;
let show: Show;
const links: Record<string, Link> = {};

beforeAll(async () => {
  assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
  core = await startTestCore({ rendererDir: join(ROOT, 'out/renderer'), env: WEBHOOK_ENV });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

async function json<T>(res: Response | Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

const statValue = (scope: Locator, label: string): Locator =>
  scope.getByRole('group', { name: label, exact: true }).locator('.dash-stat__value');

/** The chart's table as [minute ISO, touchpoint, clicks, unique, qr, sales, units] rows, read cell by cell. */
async function tableRows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Per minute and touchpoint' });
  const rows: string[][] = [];
  for (const tr of await table.locator('tbody tr').all()) {
    const cells = await tr.locator('td, th').allTextContents();
    const minute = (await tr.locator('time').getAttribute('datetime')) ?? '';
    rows.push([minute, ...cells.slice(1)]);
  }
  return rows;
}

async function apiRows(dropId: number): Promise<string[][]> {
  const stats = await json<DropStats>(core.api(`/api/drops/${dropId}/stats`));
  return stats.rows.map((r) =>
    [
      new Date(r.minute).toISOString(),
      r.touchpoint,
      r.clicks,
      r.uniqueClicks,
      r.qrScans,
      r.sales,
      r.units,
    ].map(String),
  );
}

/** A conversion row as shown ("33.3 %") with its rate back as a fraction to 3 places, as the API's. */
const toRateDigits = ([key, visitors, purchases, rate]: string[]): string[] => [
  key,
  visitors,
  purchases,
  rate === '—' ? rate : (Number(rate.replace(' %', '')) / 100).toFixed(3),
];

/** Clicks of two touchpoints over the 15 minutes before now, then `stats:rebuild` of the drop. */
async function backfillHistory(dropId: number): Promise<void> {
  const facts = new RawFacts(core.dataDir);
  try {
    const now = Date.now();
    for (let m = 15; m >= 1; m--) {
      const perTouchpoint: Array<[string, number]> = [
        ['stream', 2 + ((m * 7) % 9)],
        ['maya-dm', (m * 3) % 5],
      ];
      for (const [touchpoint, n] of perTouchpoint) {
        for (let i = 0; i < n; i++) {
          facts.run(
            `INSERT INTO clicks (at, link_code, drop_id, touchpoint_id, via, visitor_id, is_unique, is_bot)
             VALUES (?, ?, ?, (SELECT id FROM touchpoints WHERE key = ?), ?, ?, ?, 0)`,
            now - m * 60_000 + i * 1000,
            links[touchpoint].code,
            dropId,
            touchpoint,
            touchpoint === 'stream' ? 'qr' : 'link',
            randomBytes(16),
            i % 3 === 0 ? 0 : 1,
          );
        }
      }
    }
  } finally {
    facts.close();
  }
  await json(core.api('/api/stats/rebuild', { method: 'POST', json: { dropId } }));
}

/** Money as this page's browser formats it, so the comparison is about the number, not the locale. */
const moneyInPage = (page: Page, cents: number, currency: string): Promise<string> =>
  page.evaluate(
    ([c, cur]) => new Intl.NumberFormat(undefined, { style: 'currency', currency: cur }).format(c / 100),
    [cents, currency] as const,
  );

describe('the Live screen', () => {
  it('says where to create a drop while none has run', async () => {
    const page = await openPanel(browser, core, { view: 'live' });
    const empty = page.getByRole('region', { name: 'No drop yet' });
    await empty.getByText('No drop has run yet').waitFor();
    expect(await empty.getByRole('link', { name: 'Shows & drops' }).getAttribute('href')).toBe('#/drops');
    await page.getByText('No alarms').waitFor();
    await screenshot(page, 'dashboard-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();

    const phone = await openPanel(browser, core, { view: 'live', viewport: 'phone' });
    await phone.getByText('No drop has run yet').waitFor();
    await screenshot(phone, 'dashboard-empty');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('charts per-minute scans of two touchpoints exactly as the stats API rows', async () => {
    await json(
      core.api('/api/touchpoints', {
        method: 'POST',
        json: { key: 'maya-dm', kind: 'creator_dm', label: 'Maya DM', creator: 'Maya' },
      }),
    );
    drop = await startLiveDrop(core, { title: 'Glow mug', stock: 20, durationSec: 1800 });
    for (const touchpoint of ['stream', 'maya-dm']) {
      links[touchpoint] = await json<Link>(
        core.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint } }),
      );
    }
    host = await openPanel(browser, core, { view: 'live' });
    const onAir = host.getByRole('region', { name: 'On air' });
    await onAir.getByRole('heading', { name: 'Glow mug' }).waitFor();
    await onAir.getByRole('timer', { name: 'Time left' }).waitFor();
    // Not in a show yet: the dashboard says why there are no KPIs.
    await host.getByText('This drop is in no show').waitFor();
    const charts = host.getByRole('region', { name: 'Per minute by touchpoint' });
    await charts.getByText('No scans yet').waitFor();

    show = await json<Show>(core.api('/api/shows', { method: 'POST', json: { name: 'Friday pop-up' } }));
    show = await json<Show>(
      core.api(`/api/shows/${show.id}/drops`, { method: 'POST', json: { dropId: drop.id } }),
    );

    const visits: Array<[string, string]> = [
      ['stream', '203.0.113.1'],
      ['stream', '203.0.113.2'],
      ['stream', '203.0.113.2'],
      ['stream', '203.0.113.3'],
      ['maya-dm', '198.51.100.7'],
      ['maya-dm', '198.51.100.8'],
    ];
    for (const [touchpoint, ip] of visits) {
      expect((await scan(core.url, `/r/${links[touchpoint].code}`, { ip })).status).toBe(302);
    }

    await charts.locator('canvas').first().waitFor();
    await charts.getByRole('list', { name: 'Touchpoints' }).getByText('Maya DM').waitFor();
    await charts.getByRole('list', { name: 'Touchpoints' }).getByText('Stream QR').waitFor();
    await charts.getByText(/Show as table/).click();
    // Hub patches arrive every second; wait for the scans to be in, then the table must be the API's rows.
    await expect
      .poll(async () => (await tableRows(host)).reduce((n, r) => n + Number(r[2]), 0), { timeout: 10_000 })
      .toBe(visits.length);
    const expected = await apiRows(drop.id);
    expect(expected.map((r) => r[1]).sort()).toEqual(['maya-dm', 'stream']);
    expect(await tableRows(host)).toEqual(expected);

    // The measure switch redraws the same rows as unique clicks.
    // By keyboard, as a radio group: focus the current measure, arrow to the next.
    await charts.getByRole('radio', { name: 'Clicks', exact: true }).focus();
    await host.keyboard.press('ArrowRight');
    expect(await charts.getByRole('radio', { name: 'Unique clicks' }).isChecked()).toBe(true);
    await charts.getByRole('img', { name: /^Unique clicks per minute for 2 touchpoints/ }).waitFor();

    // The show's KPIs appear once the drop is in a show.
    const kpis = host.getByRole('region', { name: 'Show KPIs' });
    await kpis.getByRole('heading', { name: 'Friday pop-up' }).waitFor();
    const conversion = host.getByRole('region', { name: 'Conversion' });
    const byTouchpoint = conversion.getByRole('table', { name: 'By touchpoint (whole show)' });
    const byCreator = conversion.getByRole('table', { name: 'By creator (whole show)' });
    const kpiRows = async (): Promise<string[][]> => {
      const k = await json<ShowKpis>(core.api(`/api/shows/${show.id}/kpis`));
      return [k.conversionByTouchpoint, k.conversionByCreator].flatMap((rows) =>
        rows.map((r) => [
          r.key,
          String(r.visitors),
          String(r.purchases),
          r.rate === null ? '—' : r.rate.toFixed(3),
        ]),
      );
    };
    const shownRows = async (): Promise<string[][]> => {
      const rows: string[][] = [];
      for (const table of [byTouchpoint, byCreator])
        for (const tr of (await table.getByRole('row').all()).slice(1))
          rows.push(toRateDigits(await tr.getByRole('cell').or(tr.getByRole('rowheader')).allTextContents()));
      return rows;
    };
    await expect.poll(shownRows, { timeout: 5_000 }).toEqual(await kpiRows());
    expect((await shownRows()).map((r) => r.slice(0, 2))).toEqual([
      ['maya-dm', '2'],
      ['stream', '3'],
      ['(none)', '3'],
      ['Maya', '2'],
    ]);
  });

  it('says why the KPIs or the history failed to load, and Retry brings them', async () => {
    // Opened on another screen, so the Live screen's first requests meet the failing routes.
    const page = await openPanel(browser, core, { view: 'calendar' });
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    const refusal = { error: { code: 'internal', message: 'The database is busy; try again.' } };
    const fail = (route: Route) => route.fulfill({ status: 503, json: refusal });
    await page.route('**/api/shows', fail);
    await page.route('**/api/drops/*/stats', fail);
    await page.getByRole('link', { name: 'Live' }).click();

    const kpis = page.getByRole('region', { name: 'Show KPIs' });
    const charts = page.getByRole('region', { name: 'Per minute by touchpoint' });
    await kpis.getByText('The KPIs could not be refreshed: The database is busy; try again.').waitFor();
    await charts
      .getByText('The per-minute history could not be loaded: The database is busy; try again.')
      .waitFor();

    await page.unrouteAll();
    await kpis.getByRole('button', { name: 'Retry' }).click();
    await kpis.getByRole('heading', { name: 'Friday pop-up' }).waitFor();
    await charts.getByRole('button', { name: 'Retry' }).click();
    await charts.locator('canvas').first().waitFor();
    // The chart can be drawn from the shell's own copy of the rows (its loader's or the hub's)
    // before the Retry's answer arrives; the error goes once that answer is in.
    await expect.poll(() => page.getByText(/could not be/).count(), { timeout: 5_000 }).toBe(0);
    await page.context().close();
  });

  it('shows a webhook sale within a second: sold count and net revenue', async () => {
    const kpis = host.getByRole('region', { name: 'Show KPIs' });
    const onAir = host.getByRole('region', { name: 'On air' });
    const revenue = statValue(kpis, 'Net revenue (EUR)');
    const sold = statValue(onAir, 'Sold');
    await expect.poll(() => revenue.textContent()).toBe(await moneyInPage(host, 0, 'EUR'));
    const soldBefore = Number(await sold.textContent());

    const at = Date.now();
    const payload = JSON.stringify(
      stripeEvent(
        'checkout.session.completed',
        checkoutSession({ client_reference_id: links.stream.code }),
        at,
      ),
    );
    const posted = Date.now();
    expect((await postStripe(core.url, payload, stripeSignature(payload, at))).status).toBe(200);
    const expectedRevenue = await moneyInPage(host, 2500, 'EUR');
    let seenAt = 0;
    while (Date.now() - posted < 3000) {
      if (
        Number(await sold.textContent()) === soldBefore + 1 &&
        (await revenue.textContent()) === expectedRevenue
      ) {
        seenAt = Date.now();
        break;
      }
      await host.waitForTimeout(25);
    }
    expect(seenAt, 'the sale never showed').toBeGreaterThan(0);
    expect(seenAt - posted).toBeLessThan(1000);

    // The numbers are the API's own.
    const api = await json<ShowKpis>(core.api(`/api/shows/${show.id}/kpis`));
    expect(api.revenue).toEqual([expect.objectContaining({ currency: 'EUR', netCents: 2500 })]);
    const dropNow = await json<Drop>(core.api(`/api/drops/${drop.id}`));
    expect(await sold.textContent()).toBe(String(dropNow.sold));
    expect(await statValue(onAir, 'Left').textContent()).toBe(String(dropNow.stock));
    await kpis.getByRole('img', { name: `Sell-through 5 %` }).waitFor();
  });

  it('raises alarms for oversold units and a badly signed webhook', async () => {
    const alarms = host.getByRole('region', { name: 'Alarms' });
    expect(await alarms.getByRole('listitem').count()).toBe(0);

    const last = await startLiveDrop(core, { title: 'Last-unit tote', stock: 1, durationSec: 1800 });
    for (const externalId of ['till-1', 'till-2']) {
      await json(
        core.api('/api/ledger/purchases', {
          method: 'POST',
          json: { source: 'pos', externalId, dropId: last.id, amountCents: 1500, currency: 'EUR' },
        }),
      );
    }
    expect((await json<Drop>(core.api(`/api/drops/${last.id}`))).oversold).toBe(1);
    const oversold = alarms.getByRole('listitem').filter({ hasText: 'Oversold: Last-unit tote' });
    await oversold.waitFor();
    expect(await oversold.textContent()).toContain('1 unit paid for after the stock ran out');

    const payload = JSON.stringify(stripeEvent('checkout.session.completed', checkoutSession(), Date.now()));
    const refused = await postStripe(
      core.url,
      payload,
      stripeSignature(payload, Date.now(), 'whsec_not_ours'),
    );
    expect(refused.status).toBe(400);
    const webhook = alarms.getByRole('listitem').filter({ hasText: 'Webhook refused (Stripe)' });
    await webhook.waitFor();
    // The counters follow as soon as they are reloaded, and are the API's.
    const counters = await json<WebhookStats>(core.api('/api/webhooks/stats'));
    expect(counters.stripe).toMatchObject({ rejected: 1, accepted: 1 });
    await expect
      .poll(() => webhook.textContent())
      .toContain(`${counters.stripe.rejected} rejected, ${counters.stripe.accepted} accepted in total`);

    // A refused webhook is dismissed by the host; the oversold units stay until they are settled.
    await webhook.getByRole('button', { name: 'Dismiss: Webhook refused (Stripe)' }).click();
    await webhook.waitFor({ state: 'detached' });
    expect(await oversold.count()).toBe(1);
    // Dismissed stays dismissed when the host comes back to this screen.
    await host.getByRole('link', { name: 'Calendar' }).click();
    const counted = host.waitForResponse((r) => r.url().endsWith('/api/webhooks/stats'));
    await host.getByRole('link', { name: 'Live' }).click();
    await counted;
    await oversold.waitFor();
    expect(await webhook.count()).toBe(0);
  });

  it('looks right with data on the laptop and on a co-host phone, axe clean', async () => {
    // A quarter hour of earlier scans (written as the scan path would have, then rolled up again), so
    // the screenshots show lines rather than one minute of dots; the chart must still be the API's rows.
    await backfillHistory(drop.id);
    await host.reload();
    // Back to the on-air drop picked by hand, so the screenshots show the drop with scans and a sale.
    await host.getByLabel('Drop shown').selectOption({ label: 'Glow mug — live' });
    await host.getByRole('region', { name: 'On air' }).getByRole('heading', { name: 'Glow mug' }).waitFor();
    // The tote (sold out, its clock still running) is on air too, and started later: the host is told.
    await host.getByRole('status').filter({ hasText: 'Last-unit tote is on air too.' }).waitFor();
    const charts = host.getByRole('region', { name: 'Per minute by touchpoint' });
    await charts.getByText(/Show as table/).click();
    await expect.poll(() => tableRows(host), { timeout: 10_000 }).toEqual(await apiRows(drop.id));
    expect((await apiRows(drop.id)).length).toBeGreaterThan(20);
    await charts.getByText(/Show as table/).click();
    // The legend reads the latest minute's clicks per touchpoint, as the API has them...
    const stats = await json<DropStats>(core.api(`/api/drops/${drop.id}/stats`));
    const latest = Math.max(...stats.rows.map((r) => r.minute));
    const clicksAt = (minute: number, touchpoint: string): number =>
      stats.rows.find((r) => r.minute === minute && r.touchpoint === touchpoint)?.clicks ?? 0;
    const legend = charts.getByRole('list', { name: 'Touchpoints' });
    expect(await legend.getByRole('listitem').allTextContents()).toEqual([
      `Maya DM${clicksAt(latest, 'maya-dm')}`,
      `Stream QR${clicksAt(latest, 'stream')}`,
    ]);
    // ...and of the minute under the pointer while hovering: the plot's left edge is the first minute.
    const plotArea = await charts.locator('.u-over').boundingBox();
    if (!plotArea) throw new Error('the chart has no plot area');
    await host.mouse.move(plotArea.x + 2, plotArea.y + plotArea.height / 2);
    const first = Math.min(...stats.rows.map((r) => r.minute));
    await expect
      .poll(() => legend.getByRole('listitem').allTextContents())
      .toEqual([`Maya DM${clicksAt(first, 'maya-dm')}`, `Stream QR${clicksAt(first, 'stream')}`]);
    await host.mouse.move(0, 0);
    await screenshot(host, 'dashboard');
    expect(await seriousA11yViolations(host)).toEqual([]);
    expect(
      await host.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);

    const phoneDevice = await pairDevice(core, 'Sam at the merch table');
    const phone = await openPanel(browser, core, {
      viewport: 'phone',
      view: 'live',
      token: phoneDevice.token,
    });
    await phone.getByLabel('Drop shown').selectOption({ label: 'Glow mug — live' });
    const onAir = phone.getByRole('region', { name: 'On air' });
    await onAir.getByRole('heading', { name: 'Glow mug' }).waitFor();
    // A co-host runs the drop from here and sees counts and rates, never money.
    const endsAt = (await json<Drop>(core.api(`/api/drops/${drop.id}`))).endsAt ?? 0;
    await onAir.getByRole('button', { name: '+30 s' }).click();
    await expect
      .poll(async () => (await json<Drop>(core.api(`/api/drops/${drop.id}`))).endsAt)
      .toBe(endsAt + 30_000);
    const kpis = phone.getByRole('region', { name: 'Show KPIs' });
    await kpis.getByRole('img', { name: 'Sell-through 5 %' }).waitFor();
    expect(await kpis.getByText('Net revenue').count()).toBe(0);
    await phone.getByRole('region', { name: 'Per minute by touchpoint' }).locator('canvas').first().waitFor();
    await phone.getByRole('region', { name: 'Alarms' }).getByText('Oversold: Last-unit tote').waitFor();
    // (A string: this file is type-checked for Node, without the DOM library.)
    const overflow = await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'dashboard');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    // The table under the chart, opened on the phone: it scrolls inside its box, never the page.
    const phoneCharts = phone.getByRole('region', { name: 'Per minute by touchpoint' });
    await phoneCharts.getByText(/Show as table/).click();
    await phone.getByRole('table', { name: 'Per minute and touchpoint' }).waitFor();
    expect(
      await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await screenshot(phone, 'dashboard-table');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('nets refunds out of the revenue, as kpi:show does', async () => {
    const kpis = host.getByRole('region', { name: 'Show KPIs' });
    const revenue = kpis.getByRole('group', { name: 'Net revenue (EUR)', exact: true });
    const net = async (): Promise<ShowKpis['revenue'][number] | undefined> =>
      (await json<ShowKpis>(core.api(`/api/shows/${show.id}/kpis`))).revenue.find(
        (r) => r.currency === 'EUR',
      );
    const shown = async (r: ShowKpis['revenue'][number] | undefined): Promise<string> =>
      r
        ? (await moneyInPage(host, r.netCents, 'EUR')) +
          `${await moneyInPage(host, r.grossCents, 'EUR')} gross, ${await moneyInPage(host, r.refundsCents, 'EUR')} refunds`
        : '';

    const sale = await json<{ id: number }>(
      core.api('/api/ledger/purchases', {
        method: 'POST',
        json: {
          source: 'pos',
          externalId: 'till-refund-1',
          dropId: drop.id,
          amountCents: 4000,
          currency: 'EUR',
        },
      }),
    );
    await expect
      .poll(async () => (await revenue.textContent())?.replace('Net revenue (EUR)', ''))
      .toBe(await shown(await net()));
    await json(
      core.api(`/api/ledger/entries/${sale.id}/refunds`, { method: 'POST', json: { amountCents: 1500 } }),
    );
    const after = await net();
    expect(after?.refundsCents).toBe(-1500);
    await expect
      .poll(async () => (await revenue.textContent())?.replace('Net revenue (EUR)', ''), { timeout: 3_000 })
      .toBe(await shown(after));
  });
});
