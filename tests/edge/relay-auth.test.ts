import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayHttp } from '../../electron/core/relay/relay-http';
import { RELAY_SECRET, startRelay, type RelayRuntime } from './support/relay-runtime';

describe('relay sync channel: HMAC over method, path, timestamp, nonce and body (workerd)', () => {
  let relay: RelayRuntime;
  beforeAll(async () => {
    relay = await startRelay({ shards: 2 });
  });
  afterAll(() => relay.stop());

  const laptop = (secret = RELAY_SECRET, now?: () => number): RelayHttp =>
    new RelayHttp('unused', secret, now);
  const get = (path: string, headers: Record<string, string>): Promise<Response> =>
    fetch(relay.url + path, { headers });

  it('answers a correctly signed request', async () => {
    const res = await get('/v1/info', laptop().sign('GET', '/v1/info', ''));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ shards: 2, batching: true });
  });

  it('refuses a forged signature, a request signed for another path and one without headers', async () => {
    const forged = await get('/v1/info', laptop('not-the-secret-0123456789').sign('GET', '/v1/info', ''));
    expect(forged.status).toBe(401);
    const moved = await get('/v1/scans?shard=1', laptop().sign('GET', '/v1/scans?shard=0', ''));
    expect(moved.status).toBe(401);
    expect(((await moved.json()) as { message: string }).message).toBe('bad signature');
    expect((await get('/v1/scans?shard=0', {})).status).toBe(401);
  });

  it('refuses a replayed request, and one outside the replay window', async () => {
    const headers = laptop().sign('GET', '/v1/scans?shard=0&after=0', '');
    expect((await get('/v1/scans?shard=0&after=0', headers)).status).toBe(200);
    const again = await get('/v1/scans?shard=0&after=0', headers);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: string }).error).toBe('replayed');

    const stale = laptop(RELAY_SECRET, () => Date.now() - 5 * 60_000).sign('GET', '/v1/info', '');
    const old = await get('/v1/info', stale);
    expect(old.status).toBe(401);
    expect(((await old.json()) as { message: string }).message).toMatch(/replay window/);
  });

  it('refuses a tampered body and rejects a malformed publish with a clear 400', async () => {
    const body = JSON.stringify({ links: [] });
    const headers = { ...laptop().sign('POST', '/v1/publish', body), 'content-type': 'application/json' };
    const tampered = await fetch(relay.url + '/v1/publish', {
      method: 'POST',
      headers,
      body: JSON.stringify({ links: [], salts: [] }),
    });
    expect(tampered.status).toBe(401);

    const bad = JSON.stringify({ links: [{ code: 'short' }] });
    const res = await fetch(relay.url + '/v1/publish', {
      method: 'POST',
      headers: { ...laptop().sign('POST', '/v1/publish', bad), 'content-type': 'application/json' },
      body: bad,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^links\.0\.code/);
  });

  it('answers unknown codes at the edge with the friendly page', async () => {
    const res = await fetch(relay.url + '/r/NoSuchCode12', { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('isn’t one of ours');
  });
});
