import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreHealth } from '../../../../shared/hub-events';
import type { Link } from '../../../../shared/links';
import type { DropStats } from '../../../../shared/stats';
import { sampleDrop, startTestCore, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { scan } from '../../../support/scan';
import { closeAll, controlSocket, next } from '../hub/hub-client';

describe('store failure under a scan burst (issue 7.9)', () => {
  let t: TestCore;
  let locker: Database.Database | null = null;
  afterEach(async () => {
    closeAll();
    locker?.close();
    locker = null;
    await t.stop();
  });

  it('keeps answering, reports degraded, and stores every answered scan once the lock is gone', async () => {
    t = await startTestCore();
    // The main connection waits up to its busy timeout once; keep the test independent of its value.
    t.core.services.db.pragma('busy_timeout = 200');
    const drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as {
      id: number;
    };
    const link = (await (
      await t.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint: 'stream' } })
    ).json()) as Link;
    const panel = controlSocket(t.url, TEST_TOKEN);
    const init = await next<{ store?: StoreHealth }>(panel, 'state:init');
    expect(init.store?.state).toBe('ok');

    let answered = 0;
    const burst = async (n: number, offset: number): Promise<void> => {
      await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const res = await scan(t.url, `/r/${link.code}?s=qr`, { ip: `198.51.100.${(offset + i) % 250}` });
          if (res.status === 302) answered++;
        }),
      );
    };
    await burst(50, 0);

    // Another connection takes the write lock, as a backup tool or a stuck process would.
    locker = new Database(join(t.dataDir, 'dropdeck.sqlite'));
    locker.exec('BEGIN EXCLUSIVE');
    const alarm = next<StoreHealth>(panel, 'store:health', (h) => h.state === 'degraded');
    await burst(200, 50);
    expect((await alarm).state).toBe('degraded');
    const health = (await (await fetch(`${t.url}/api/health`)).json()) as { store: StoreHealth };
    expect(health.store.state).toBe('degraded');
    expect(health.store.pendingScans).toBeGreaterThan(0);
    expect(health.store.lastError).toMatch(/locked|busy/i);
    await burst(200, 100);
    expect(answered).toBe(450);

    const recovered = next<StoreHealth>(panel, 'store:health', (h) => h.state === 'ok');
    locker.exec('ROLLBACK');
    locker.close();
    locker = null;
    expect((await recovered).pendingScans).toBe(0);

    const stats = (await (await t.api(`/api/drops/${drop.id}/stats`)).json()) as DropStats;
    expect(stats.rows.reduce((n, r) => n + r.clicks, 0)).toBe(answered);
    // 250 distinct addresses were used; retried batches must not lose or double their uniques.
    expect(stats.rows.reduce((n, r) => n + r.uniqueClicks, 0)).toBe(250);
    const after = (await (await fetch(`${t.url}/api/health`)).json()) as { store: StoreHealth };
    expect(after.store).toMatchObject({ state: 'ok', pendingScans: 0, droppedScans: 0 });
  });
});
