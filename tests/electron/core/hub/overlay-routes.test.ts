import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { tempDir } from '../../../support/temp-dir';

describe('overlay routes without a built renderer', () => {
  let t: TestCore;
  const emptyRenderer = tempDir('dropdeck-renderer-');
  beforeAll(async () => {
    t = await startTestCore({ rendererDir: emptyRenderer.path });
  });
  afterAll(async () => {
    await t.stop();
    emptyRenderer.remove();
  });

  it('answers the page routes with a 503 that says how to build them', async () => {
    for (const path of ['/overlay/timer', '/overlay/qr.html', '/overlay/ticker']) {
      const res = await fetch(t.url + path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('npm run build');
    }
  });

  it('still renders the QR image, and refuses bad queries', async () => {
    const drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as Drop;
    // No public QR (so no short link to the checkout) before the drop is announced.
    const draft = await fetch(`${t.url}/overlay/qr.svg?drop=${drop.id}&touchpoint=stream`);
    // …and the same generic answer as for a drop that does not exist.
    expect(draft.status).toBe(404);
    const missing = await fetch(`${t.url}/overlay/qr.svg?drop=999999&touchpoint=stream`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(await draft.json());
    expect((await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);

    const ok = await fetch(`${t.url}/overlay/qr.svg?drop=${drop.id}&touchpoint=stream`);
    expect(ok.status).toBe(200);
    const code = ok.headers.get('x-dropdeck-link-code') ?? '';

    // The exact code a page asks for, as long as it is that touchpoint's live link.
    const same = await fetch(`${t.url}/overlay/qr.svg?drop=${drop.id}&touchpoint=stream&code=${code}`);
    expect(same.headers.get('x-dropdeck-link-code')).toBe(code);
    // Another touchpoint (and one that is not shown on stream at all) gets the generic 404.
    expect(
      (await fetch(`${t.url}/overlay/qr.svg?drop=${drop.id}&touchpoint=venue&code=${code}`)).status,
    ).toBe(404);

    const bad = await fetch(`${t.url}/overlay/qr.svg?drop=abc&touchpoint=stream`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    expect((await fetch(`${t.url}/overlay/qr.svg?drop=999999&touchpoint=stream`)).status).toBe(404);
  });
});
