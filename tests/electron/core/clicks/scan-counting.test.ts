import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Link } from '../../../../shared/links';
import type { DropStats, StatsRow } from '../../../../shared/stats';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { PHONE_UA, scan, SLACK_PREVIEW_UA } from '../../../support/scan';

const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

describe('scan counting: dedup, bots and per-minute stats (through HTTP)', () => {
  let t: TestCore;
  let clock: ManualClock;
  let dropId: number;

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2026, 10, 21, 18, 0, 5));
    t = await startTestCore({ clock });
    dropId = (
      (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as { id: number }
    ).id;
  });
  afterEach(() => t.stop());

  const link = async (touchpoint: string): Promise<Link> =>
    (await (
      await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint } })
    ).json()) as Link;
  const stats = async (): Promise<StatsRow[]> =>
    ((await (await t.api(`/api/drops/${dropId}/stats`)).json()) as DropStats).rows;
  const total = (rows: StatsRow[], key: keyof StatsRow): number =>
    rows.reduce((n, r) => n + (r[key] as number), 0);

  it('counts a repeat scan by the same visitor within an hour as a click but not a unique click', async () => {
    const l = await link('stream');
    await scan(t.url, `/r/${l.code}?s=qr`, { ip: '203.0.113.7' });
    clock.advance(30 * 60_000);
    await scan(t.url, `/r/${l.code}?s=qr`, { ip: '203.0.113.7' });
    clock.advance(61 * 60_000);
    await scan(t.url, `/r/${l.code}?s=qr`, { ip: '203.0.113.7' }); // over an hour since their last scan
    const rows = await stats();
    expect(total(rows, 'clicks')).toBe(3);
    expect(total(rows, 'uniqueClicks')).toBe(2);
    expect(total(rows, 'qrScans')).toBe(3);
  });

  it('tells visitors apart by IP and by device, without storing either', async () => {
    const l = await link('venue');
    await scan(t.url, `/r/${l.code}`, { ip: '203.0.113.7' });
    await scan(t.url, `/r/${l.code}`, { ip: '203.0.113.8' });
    await scan(t.url, `/r/${l.code}`, { ip: '203.0.113.7', ua: ANDROID_UA });
    const rows = await stats();
    expect(total(rows, 'uniqueClicks')).toBe(3);
    expect(total(rows, 'qrScans')).toBe(0);

    const stored = t.core.services.db.prepare('SELECT * FROM clicks').all() as Array<Record<string, unknown>>;
    const dump = JSON.stringify(stored, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v));
    expect(dump).not.toContain('203.0.113');
    expect(dump).not.toContain('iPhone');
  });

  it('flags link previewers and crawlers, still redirects them, and keeps them out of the KPIs', async () => {
    const l = await link('dm');
    const preview = await scan(t.url, `/r/${l.code}`, { ua: SLACK_PREVIEW_UA });
    expect(preview.status).toBe(302);
    await scan(t.url, `/r/${l.code}`, { ua: 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    await fetch(`${t.url}/r/${l.code}`, {
      method: 'HEAD',
      redirect: 'manual',
      headers: { 'user-agent': PHONE_UA },
    });
    await scan(t.url, `/r/${l.code}`, { ua: PHONE_UA });
    const rows = await stats();
    expect(total(rows, 'clicks')).toBe(1);
    expect(total(rows, 'uniqueClicks')).toBe(1);
    expect(total(rows, 'botClicks')).toBe(3);
  });

  it('buckets clicks per minute (epoch ms) and per touchpoint', async () => {
    const stream = await link('stream');
    const venue = await link('venue');
    const minute0 = Date.UTC(2026, 10, 21, 18, 0, 0);
    await scan(t.url, `/r/${stream.code}?s=qr`, { ip: '198.51.100.1' });
    await scan(t.url, `/r/${stream.code}?s=qr`, { ip: '198.51.100.2' });
    await scan(t.url, `/r/${venue.code}?s=qr`, { ip: '198.51.100.3' });
    clock.advance(60_000);
    await scan(t.url, `/r/${stream.code}`, { ip: '198.51.100.4' });
    expect(await stats()).toEqual([
      {
        minute: minute0,
        touchpoint: 'stream',
        clicks: 2,
        uniqueClicks: 2,
        qrScans: 2,
        botClicks: 0,
        sales: 0,
        units: 0,
        revenueCents: 0,
      },
      {
        minute: minute0,
        touchpoint: 'venue',
        clicks: 1,
        uniqueClicks: 1,
        qrScans: 1,
        botClicks: 0,
        sales: 0,
        units: 0,
        revenueCents: 0,
      },
      {
        minute: minute0 + 60_000,
        touchpoint: 'stream',
        clicks: 1,
        uniqueClicks: 1,
        qrScans: 0,
        botClicks: 0,
        sales: 0,
        units: 0,
        revenueCents: 0,
      },
    ]);
    const windowed = (await (
      await t.api(`/api/drops/${dropId}/stats?from=${minute0 + 60_000}`)
    ).json()) as DropStats;
    expect(windowed.rows).toHaveLength(1);
  });

  it('keeps recognising a visitor across midnight, then forgets salts after 48 hours', async () => {
    clock.t = Date.UTC(2026, 10, 21, 23, 50);
    const l = await link('stream');
    await scan(t.url, `/r/${l.code}`, { ip: '203.0.113.9' });
    clock.t = Date.UTC(2026, 10, 22, 0, 10);
    await scan(t.url, `/r/${l.code}`, { ip: '203.0.113.9' });
    expect(total(await stats(), 'uniqueClicks')).toBe(1);

    const salts = (): string[] =>
      (
        t.core.services.db.prepare('SELECT day FROM visitor_salts ORDER BY day').all() as Array<{
          day: string;
        }>
      ).map((r) => r.day);
    expect(salts()).toEqual(['2026-11-21', '2026-11-22']);
    clock.t = Date.UTC(2026, 10, 24, 1, 0);
    const fresh = await link('stream');
    expect((await scan(t.url, `/r/${fresh.code}`, { ip: '203.0.113.10' })).status).toBe(302);
    const removed = t.core.services.clicks.rotateSalts();
    expect(removed).toBe(2);
    expect(salts()).toEqual(['2026-11-24']);
  });

  it('still recognises returning viewers after a restart mid-drop', async () => {
    const l = await link('stream');
    await scan(t.url, `/r/${l.code}?s=qr`, { ip: '203.0.113.50' });
    const dataDir = t.dataDir;
    await t.core.close();
    clock.advance(20 * 60_000);
    const again = await startTestCore({ clock, keepDataDir: dataDir });
    try {
      await scan(again.url, `/r/${l.code}?s=qr`, { ip: '203.0.113.50' });
      await scan(again.url, `/r/${l.code}?s=qr`, { ip: '203.0.113.51' });
      const rows = ((await (await again.api(`/api/drops/${dropId}/stats`)).json()) as DropStats).rows;
      expect(total(rows, 'clicks')).toBe(3);
      expect(total(rows, 'uniqueClicks')).toBe(2);
    } finally {
      await again.core.close();
    }
  });
});
