import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../support/core-harness';

describe('API authentication', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
  });
  afterAll(() => t.stop());

  it('lets anyone check health and read the API description', async () => {
    expect((await t.api('/api/health', { token: null })).status).toBe(200);
    const doc = (await (await t.api('/api/openapi.json', { token: null })).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/drops',
        '/api/drops/{id}',
        '/api/drops/{id}/links',
        '/api/drops/{id}/stats',
      ]),
    );
  });

  it('refuses /api/* without a token, with a wrong token, or with another scheme', async () => {
    for (const init of [{ token: null }, { token: 'not-the-token' }]) {
      const res = await t.api('/api/drops', init);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message.length).toBeGreaterThan(10);
    }
    const basic = await t.api('/api/drops', {
      token: null,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(basic.status).toBe(401);
  });

  it('refuses writes without a token and writes nothing', async () => {
    const res = await t.api('/api/drops', {
      token: null,
      method: 'POST',
      json: {
        title: 'x',
        stock: 1,
        priceCents: 1,
        currency: 'EUR',
        durationSec: 60,
        checkoutUrl: 'https://a.example',
      },
    });
    expect(res.status).toBe(401);
    expect(await (await t.api('/api/drops')).json()).toEqual([]);
  });

  it('leaves the scan redirect public: viewers have no token', async () => {
    expect((await fetch(`${t.url}/r/AAAAAAAAAA`, { redirect: 'manual' })).status).toBe(404);
  });
});
