import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { assertBuilt, RENDERER_INPUTS, RENDERER_OUTPUTS, ROOT } from '../../main/built-output';

describe('headers on the pages the core serves', () => {
  let t: TestCore;
  beforeAll(async () => {
    assertBuilt(RENDERER_INPUTS, RENDERER_OUTPUTS);
    t = await startTestCore({ rendererDir: join(ROOT, 'out', 'renderer') });
  });
  afterAll(() => t.stop());

  it('sends a strict CSP, no framing, nosniff and no referrer on the panel, overlays and the API', async () => {
    const drop = await startLiveDrop(t);
    for (const path of [
      '/',
      '/overlay/timer',
      '/overlay/qr.html',
      `/overlay/qr.svg?drop=${drop.id}&touchpoint=stream`,
      '/api/health',
    ]) {
      const res = await fetch(t.url + path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});
