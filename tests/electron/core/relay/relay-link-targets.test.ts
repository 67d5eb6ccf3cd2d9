import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import { sampleDrop, type TestCore } from '../../../support/core-harness';
import { startRelay, type RelayRuntime } from '../../../edge/support/relay-runtime';
import { edgeScan, newLink, startRelayedCore, waitFor } from './relay-support';

describe('edge relay follows a drop’s checkout URL', () => {
  let relay: RelayRuntime;
  let t: TestCore;
  beforeAll(async () => {
    relay = await startRelay({ shards: 2 });
  });
  afterAll(() => relay.stop());
  afterEach(() => t.stop());

  it('redirects to the corrected shop URL after the host edits a drop whose QR is already out', async () => {
    t = await startRelayedCore(relay);
    const drop = (await (
      await t.api('/api/drops', {
        method: 'POST',
        json: sampleDrop({ checkoutUrl: 'https://shop.example.com/checkout/typo' }),
      })
    ).json()) as Drop;
    // The venue QR is printed (link made and published) before anyone notices the typo.
    const link = await newLink(t, drop.id);
    const before = await waitFor(
      () => edgeScan(relay, `/r/${link.code}?s=qr`, '203.0.113.8'),
      (r) => r.status === 302,
    );
    expect(before.headers.get('location')).toContain('/checkout/typo');
    // Later links (another drop's) move the publish watermark past this one.
    const other = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as Drop;
    await new Promise((r) => setTimeout(r, 5));
    const later = await newLink(t, other.id);
    await waitFor(
      () => edgeScan(relay, `/r/${later.code}?s=qr`, '203.0.113.8'),
      (r) => r.status === 302,
    );
    const fixed = await t.api(`/api/drops/${drop.id}`, {
      method: 'PATCH',
      json: { checkoutUrl: 'https://shop.example.com/checkout/glow-mug' },
    });
    expect(fixed.status).toBe(200);
    expect((await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);

    const answered = await waitFor(
      () => edgeScan(relay, `/r/${link.code}?s=qr`, '203.0.113.9'),
      (r) => r.status === 302 && (r.headers.get('location') ?? '').includes('/glow-mug'),
    );
    const location = new URL(answered.headers.get('location') ?? '');
    expect(location.pathname).toBe('/checkout/glow-mug');
    expect(location.searchParams.get('ref')).toBe(link.code);
  });
});
