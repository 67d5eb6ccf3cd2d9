import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RelayStatus } from '../../../../shared/relay';
import type { StatsPatch } from '../../../../shared/hub-events';
import { startLiveDrop, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { scan } from '../../../support/scan';
import { startRelay, type RelayRuntime } from '../../../edge/support/relay-runtime';
import { closeAll, controlSocket, next } from '../hub/hub-client';
import { edgeScan, newLink, startRelayedCore, SYNC_MS, totals, waitFor } from './relay-support';

describe('laptop ⇄ edge relay (workerd via Miniflare, real core over HTTP)', () => {
  let relay: RelayRuntime;
  let t: TestCore;
  beforeAll(async () => {
    relay = await startRelay({ shards: 4 });
  });
  afterAll(() => relay.stop());
  afterEach(async () => {
    closeAll();
    await t.stop();
  });

  const published = async (code: string): Promise<Response> =>
    waitFor(
      () => edgeScan(relay, `/r/${code}?s=qr`, '192.0.2.250', 'Slackbot-LinkExpanding 1.0'),
      (r) => r.status !== 404,
    );

  it('answers scans at the edge, stores them, and the laptop ingests each exactly once', async () => {
    t = await startRelayedCore(relay);
    const drop = await startLiveDrop(t);
    const link = await newLink(t, drop.id);
    expect(link.qrUrl).toBe(`${relay.url}/r/${link.code}?s=qr`);
    const probe = await published(link.code);
    expect(probe.status).toBe(302);

    const panel = controlSocket(t.url, TEST_TOKEN);
    const init = await next<{ relay?: { state: string } }>(panel, 'state:init');
    expect(init.relay?.state).toMatch(/ok|connecting/);
    const pushed = next<StatsPatch>(panel, 'stats:updated', (p) => p.rows.some((r) => r.qrScans === 1));
    const res = await edgeScan(relay, `/r/${link.code}?s=qr`, '203.0.113.5');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('utm_source')).toBe('stream');
    expect(location.searchParams.get('ref')).toBe(link.code);

    const after = await waitFor(
      () => totals(t, drop.id),
      (n) => n.clicks === 1,
    );
    expect(after).toEqual({ clicks: 1, unique: 1, qr: 1 });
    // The panel hears the minute the relayed scan landed in.
    expect((await pushed).dropId).toBe(drop.id);
    // More sync passes change nothing.
    await t.core.services.relay?.sync();
    await new Promise((r) => setTimeout(r, 3 * SYNC_MS));
    expect(await totals(t, drop.id)).toEqual({ clicks: 1, unique: 1, qr: 1 });
    const rows = t.core.services.db
      .prepare(
        "SELECT count(*) AS n, count(DISTINCT edge_id) AS ids FROM clicks WHERE source = 'relay' AND is_bot = 0",
      )
      .get() as { n: number; ids: number };
    expect(rows).toEqual({ n: 1, ids: 1 });

    const status = (await (await t.api('/api/relay/status')).json()) as RelayStatus;
    expect(status).toMatchObject({ configured: true, state: 'ok', shards: 4, publishPending: false });
    expect(status.lagMs).not.toBeNull();
  });

  it('agrees with the laptop on unique visitors: the same phone on both paths is one visitor', async () => {
    t = await startRelayedCore(relay);
    const drop = await startLiveDrop(t);
    const link = await newLink(t, drop.id);
    await published(link.code);
    // Directly on the laptop (tunnel: X-Forwarded-For from loopback), then at the edge, same phone.
    expect((await scan(t.url, `/r/${link.code}`, { ip: '198.51.100.77' })).status).toBe(302);
    expect((await edgeScan(relay, `/r/${link.code}`, '198.51.100.77')).status).toBe(302);
    expect((await edgeScan(relay, `/r/${link.code}`, '198.51.100.78')).status).toBe(302);
    const n = await waitFor(
      () => totals(t, drop.id),
      (v) => v.clicks === 3,
    );
    expect(n).toMatchObject({ clicks: 3, unique: 2 });
  });

  it('stops redirecting a revoked link at the edge within one sync interval, and shows ended drops', async () => {
    t = await startRelayedCore(relay);
    const drop = await startLiveDrop(t);
    const link = await newLink(t, drop.id);
    const other = await newLink(t, drop.id, 'venue');
    await published(link.code);
    await published(other.code);

    const revokedAt = Date.now();
    expect((await t.api(`/api/links/${link.code}/revoke`, { method: 'POST' })).status).toBe(200);
    // Counted in sync rounds, not wall time (a busy machine stretches both alike): by the first sync
    // that completes after the revocation with nothing left to publish, the edge refuses the code.
    const synced = await waitFor(
      async () => (await (await t.api('/api/relay/status')).json()) as RelayStatus,
      (st) => (st.lastSyncAt ?? 0) > revokedAt && !st.publishPending,
      SYNC_MS * 25,
    );
    expect(synced.publishPending).toBe(false);
    const res = await edgeScan(relay, `/r/${link.code}`, '203.0.113.9');
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('no longer valid');

    expect((await t.api(`/api/drops/${drop.id}/end`, { method: 'POST' })).status).toBe(200);
    const ended = await waitFor(
      () => edgeScan(relay, `/r/${other.code}`, '203.0.113.10'),
      (r) => r.status === 200,
      SYNC_MS * 5,
    );
    expect(ended.headers.get('location')).toBeNull();
    expect(await ended.text()).toContain('This drop has ended');
    // The ended drop's scan is still a scan (demand after the end); the revoked one is an orphan.
    await waitFor(
      () => totals(t, drop.id),
      (v) => v.clicks >= 1,
    );
  });
});
