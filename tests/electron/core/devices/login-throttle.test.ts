import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLiveDrop, startTestCore, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { scan } from '../../../support/scan';
import { closeAll, controlSocket, refusal } from '../hub/hub-client';

/** Each scenario knocks from its own address (believed: the test core trusts its loopback proxy). */
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('failed logins are slowed, then refused per address', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore({ env: { DROPDECK_TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(() => t.stop());
  afterEach(closeAll);

  it('slows wrong tokens after a few, then answers 429 with Retry-After, even for the right token', async () => {
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const res = await t.api('/api/drops', { token: `guess-${i}`, headers: from('10.9.0.1') });
      timings.push(Date.now() - started);
      expect(res.status).toBe(401);
    }
    // The fifth miss is held back on purpose (a quarter second at least); the first ones are not.
    expect(timings[4]).toBeGreaterThanOrEqual(240);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.api('/api/drops', { token: `more-${i}`, headers: from('10.9.0.1') }),
      ),
    );
    const locked = await t.api('/api/drops', { headers: from('10.9.0.1') });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const { error } = (await locked.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/Try again in \d+ seconds?/);
    // Another address is not punished for it.
    expect((await t.api('/api/drops', { headers: from('10.9.0.2') })).status).toBe(200);
  });

  it('counts socket handshakes as logins too', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.api('/api/drops', { token: `sock-${i}`, headers: from('10.9.0.3') }),
      ),
    );
    // socket.io-client sends extraHeaders on the websocket upgrade from Node.
    const socket = controlSocket(t.url, TEST_TOKEN, from('10.9.0.3'));
    const refused = await refusal(socket);
    expect(refused.data?.code).toBe('rate_limited');
  });

  it('throttles guessing pairing codes', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.api('/api/devices/pair', {
          method: 'POST',
          token: null,
          headers: from('10.9.0.4'),
          json: { code: 'ABCDEFGHJK', name: 'Guesser' },
        }),
      ),
    );
    expect(guesses.every((r) => r.status === 401)).toBe(true);
    const pairing = (await (await t.api('/api/devices/pairing', { method: 'POST', json: {} })).json()) as {
      code: string;
    };
    const locked = await t.api('/api/devices/pair', {
      method: 'POST',
      token: null,
      headers: from('10.9.0.4'),
      json: { code: pairing.code, name: 'Guesser' },
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).not.toBeNull();
  });
});

describe('X-Forwarded-For without a configured proxy', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore({ env: { DROPDECK_TRUSTED_PROXIES: '' } });
  });
  afterAll(() => t.stop());

  it('is ignored for scans too: a changed header is not a new visitor', async () => {
    const drop = await startLiveDrop(t);
    const link = (await (
      await t.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint: 'stream' } })
    ).json()) as { code: string };
    for (const address of ['10.7.0.1', '10.7.0.2', '10.7.0.3']) {
      expect((await scan(t.url, `/r/${link.code}`, { ip: address })).status).toBe(302);
    }
    const stats = (await (await t.api(`/api/drops/${drop.id}/stats`)).json()) as {
      rows: Array<{ clicks: number; uniqueClicks: number }>;
    };
    expect(stats.rows.reduce((n, r) => n + r.clicks, 0)).toBe(3);
    expect(stats.rows.reduce((n, r) => n + r.uniqueClicks, 0)).toBe(1);
  });

  it('is ignored, so changing it does not dodge the throttle', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.api('/api/drops', { token: `x-${i}`, headers: from(`10.8.0.${i}`) }),
      ),
    );
    const res = await t.api('/api/drops', { headers: from('10.8.0.99') });
    expect(res.status).toBe(429);
  });
});
