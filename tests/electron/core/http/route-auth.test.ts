import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveDrop, startTestCore, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { rawGet, rawRequest } from '../../../support/raw-http';

/**
 * A stranger on the venue's Wi-Fi, trying every spelling of a protected path. Whatever the spelling,
 * the answer is 401/403/404 and never the data or the action behind the route.
 */
describe('authorization on the matched route', () => {
  let t: TestCore;
  let title: string;
  beforeAll(async () => {
    t = await startTestCore();
    title = (await startLiveDrop(t, { title: 'Secret sneaker' })).title;
  });
  afterAll(() => t.stop());

  const SPELLINGS = [
    '/api/drops',
    '/%61pi/drops',
    '/api/%64rops',
    '/%61%70%69/%64%72%6f%70%73',
    '/api/drops/',
    '//api/drops',
    '/api//drops',
    '/api/./drops',
    '/api/x/../drops',
    '/api/drops?',
    '/api/drops#x',
    '/api/drops/1',
    '/%61pi/drops/1',
    '/api/touchpoints',
    '/api/%74ouchpoints',
    '/api/devices',
    '/api/audit',
    '/API/drops',
    '/api/drops%2f',
    '/api/drops;a=b',
  ];

  it('refuses every spelling of a protected path without a token', async () => {
    for (const target of SPELLINGS) {
      const res = await rawGet(t.url, target);
      expect([401, 403, 404], target).toContain(res.status);
      expect(res.body, target).not.toContain(title);
      expect(res.body, target).not.toContain('"key":"stream"');
    }
  });

  it('refuses absolute-form request lines the same way', async () => {
    const host = new URL(t.url).host;
    for (const target of [
      'http://x/api/touchpoints',
      `http://${host}/api/drops`,
      'http://x/%61pi/drops',
      'http://127.0.0.1/api/devices',
      'https://x:1/api/audit',
    ]) {
      const res = await rawGet(t.url, target);
      expect([401, 403, 404], target).toContain(res.status);
      expect(res.body, target).not.toContain(title);
    }
  });

  it('runs no protected action through an odd spelling or a raw request line', async () => {
    const host = new URL(t.url).host;
    const body = JSON.stringify({ key: 'intruder', kind: 'other' });
    for (const target of ['/%61pi/touchpoints', 'http://x/api/touchpoints', '/api//touchpoints']) {
      const res = await rawRequest(
        t.url,
        [
          `POST ${target} HTTP/1.1`,
          `Host: ${host}`,
          'Connection: close',
          'Content-Type: application/json',
          `Content-Length: ${Buffer.byteLength(body)}`,
          '',
          body,
        ].join('\r\n'),
      );
      expect([401, 403, 404], target).toContain(res.status);
    }
    const keys = ((await (await t.api('/api/touchpoints')).json()) as Array<{ key: string }>).map(
      (tp) => tp.key,
    );
    expect(keys).not.toContain('intruder');
  });

  it('answers the host token on the same spellings, so the refusals above were about the token', async () => {
    const res = await rawGet(t.url, '/%61pi/drops', { Authorization: `Bearer ${TEST_TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain(title);
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    for (const host of ['evil.example', 'evil.example:4800', '127.0.0.1.evil.example', '']) {
      const res = await rawGet(t.url, '/api/health', { Host: host });
      expect([400, 403], host).toContain(res.status);
    }
    for (const host of ['127.0.0.1', 'localhost', `localhost:${new URL(t.url).port}`]) {
      expect((await rawGet(t.url, '/api/health', { Host: host })).status, host).toBe(200);
    }
  });
});
