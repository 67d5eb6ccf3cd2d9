import { afterEach, describe, expect, it } from 'vitest';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { scan, SLACK_PREVIEW_UA } from '../../../support/scan';

const DAY = 24 * 3600_000;

describe('orphan visits and bot clicks do not grow the store without bound', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  const count = (sql: string): number =>
    (t.core.services.db.prepare(sql).get() as { n: number | null }).n ?? 0;

  it('stores at most 600 orphan rows a minute and only counts the rest', async () => {
    t = await startTestCore({ clock: new ManualClock(Date.UTC(2026, 10, 21, 18, 0, 1)) });
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = next++; i < 650; i = next++) {
          const res = await scan(t.url, `/r/Typo${String(i).padStart(6, '0')}`);
          expect(res.status).toBe(404);
        }
      }),
    );
    expect(count('SELECT count(*) AS n FROM orphan_visits')).toBe(600);
    expect(count('SELECT sum(visits) AS n FROM orphan_overflow')).toBe(50);
  });

  it('deletes orphan visits and bot clicks older than 30 days on the hourly sweep, keeps human clicks', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 1, 18, 0, 0));
    t = await startTestCore({ clock });
    const drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as {
      id: number;
    };
    const link = (await (
      await t.api(`/api/drops/${drop.id}/links`, {
        method: 'POST',
        json: { touchpoint: 'stream', ttlSec: 90 * 24 * 3600 },
      })
    ).json()) as { code: string };
    await scan(t.url, '/r/NoSuchCode01');
    await scan(t.url, `/r/${link.code}`, { ua: SLACK_PREVIEW_UA });
    await scan(t.url, `/r/${link.code}`, { ip: '203.0.113.4' });
    clock.advance(29 * DAY);
    await scan(t.url, '/r/NoSuchCode02');
    t.core.services.clicks.rotateSalts();
    expect(count('SELECT count(*) AS n FROM orphan_visits')).toBe(2);

    clock.advance(2 * DAY);
    t.core.services.clicks.rotateSalts();
    expect(count('SELECT count(*) AS n FROM orphan_visits')).toBe(1);
    expect(count('SELECT count(*) AS n FROM clicks WHERE is_bot = 1')).toBe(0);
    expect(count('SELECT count(*) AS n FROM clicks WHERE is_bot = 0')).toBe(1);
    // The rollup keeps the numbers.
    expect(count('SELECT sum(bot_clicks) AS n FROM minute_stats')).toBe(1);
  });
});
