import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import { sampleDrop, startTestCore, type TestCore } from '../../support/core-harness';
import { hideFor, launchChromium, openOverlay } from '../../support/chromium';
import { assertOverlaysBuilt, RENDERER_DIR } from './overlay-build';
import { errorMs, readings, RECORD_TIMER, tickErrors, type Reading } from './timer-readings';

/** The tolerance for the time shown. */
const TOLERANCE_MS = 250;
/**
 * The core's clock runs 90.5 s ahead of this machine's (think: the OBS PC's clock is off). A page
 * that counted down from its own Date.now() would be 90 s wrong; one that synced with clock:ping is not.
 */
const SKEW_MS = 90_500;

let t: TestCore;
let browser: Browser;

beforeAll(async () => {
  assertOverlaysBuilt();
  t = await startTestCore({ rendererDir: RENDERER_DIR, clock: { now: () => Date.now() + SKEW_MS } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function startDrop(): Promise<Drop> {
  const created = (await (
    await t.api('/api/drops', { method: 'POST', json: sampleDrop({ durationSec: 600 }) })
  ).json()) as Drop;
  const res = await t.api(`/api/drops/${created.id}/start`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as Drop;
}

function expectAccurate(rs: Reading[], endsAt: number): void {
  expect(rs.length).toBeGreaterThan(0);
  for (const r of rs)
    expect(errorMs(r, endsAt, SKEW_MS), `"${r.text}" shown at ${r.at}`).toBeLessThanOrEqual(TOLERANCE_MS);
}

describe('timer overlay', () => {
  it('shows the time left to endsAt, keeps it across a reload and after being hidden', async () => {
    const drop = await startDrop();
    const endsAt = drop.endsAt ?? 0;
    const page = await openOverlay(browser, `${t.url}/overlay/timer?drop=${drop.id}`, RECORD_TIMER);
    await page.locator('#status', { hasText: 'Live now' }).waitFor();
    expect(await page.locator('#title').textContent()).toBe('Glow mug');

    // Watch it count: every value shown, and every tick, lines up with the server's endsAt.
    await sleep(2300);
    const first = await readings(page);
    expectAccurate(first, endsAt);
    const ticks = tickErrors(first, endsAt, SKEW_MS);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const e of ticks) expect(e).toBeLessThanOrEqual(TOLERANCE_MS);

    // A reload (OBS "refresh browser when scene becomes active") is right from its first paint on.
    await page.reload();
    await page.locator('#status', { hasText: 'Live now' }).waitFor();
    await sleep(1200);
    const reloaded = await readings(page);
    expectAccurate(reloaded, endsAt);

    // Hidden for 3.5 s, then shown: the first frame after is already right, no catching up.
    const before = (await readings(page)).length;
    await hideFor(page, 3500);
    await sleep(1200);
    const after = (await readings(page)).slice(before);
    expect(after.length).toBeGreaterThan(0);
    expectAccurate(after, endsAt);
    for (const e of tickErrors(after, endsAt, SKEW_MS)) expect(e).toBeLessThanOrEqual(TOLERANCE_MS);
    await page.context().close();
  });

  it('shows nothing of a draft, then an emphasised last minute, then ended', async () => {
    const res = await t.api('/api/drops', { method: 'POST', json: sampleDrop({ durationSec: 45 }) });
    const drop = (await res.json()) as Drop;
    const page = await openOverlay(browser, `${t.url}/overlay/timer?drop=${drop.id}&theme=light&pos=bottom`);
    // A draft is not announced: the page shows nothing of it, not even its title.
    await page.locator('html[data-phase="none"]').waitFor();
    expect(await page.locator('body').textContent()).not.toContain(drop.title);

    expect((await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);
    await page.locator('html[data-phase="last-minute"]').waitFor();
    expect(await page.locator('#status').textContent()).toBe('Last minute!');
    expect(await page.locator('#time').textContent()).toMatch(/^00:4\d$/);

    expect((await t.api(`/api/drops/${drop.id}/end`, { method: 'POST' })).status).toBe(200);
    await page.locator('#status', { hasText: 'Ended' }).waitFor();
    expect(await page.locator('#time').textContent()).toBe('00:00');
    await page.context().close();
  });
});
