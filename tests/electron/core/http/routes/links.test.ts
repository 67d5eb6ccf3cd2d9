import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Link } from '../../../../../shared/links';
import { sampleDrop, startTestCore, type TestCore } from '../../../../support/core-harness';
import { ManualClock } from '../../../../support/manual-clock';
import { scan } from '../../../../support/scan';

describe('short links: /api/drops/:id/links and /r/:code', () => {
  let t: TestCore;
  let clock: ManualClock;
  let dropId: number;

  beforeEach(async () => {
    clock = new ManualClock();
    t = await startTestCore({ clock });
    const res = await t.api('/api/drops', { method: 'POST', json: sampleDrop() });
    dropId = ((await res.json()) as { id: number }).id;
  });
  afterEach(() => t.stop());

  const newLink = async (body: Record<string, unknown> = { touchpoint: 'stream' }): Promise<Link> => {
    const res = await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: body });
    expect(res.status).toBe(201);
    return (await res.json()) as Link;
  };

  it('issues an unguessable code whose QR payload is marked as a scan', async () => {
    const a = await newLink();
    const b = await newLink();
    expect(a.code).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(a.code).not.toBe(b.code);
    expect(a.url).toBe(`${t.url}/r/${a.code}`);
    expect(a.qrUrl).toBe(`${a.url}?s=qr`);
    expect(a.expiresAt - a.createdAt).toBe(48 * 3600 * 1000);
  });

  it('redirects to the checkout with UTM parameters and the code as ref, keeping the shop parameters', async () => {
    const link = await newLink({ touchpoint: 'dm' });
    const res = await scan(t.url, `/r/${link.code}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://shop.example.com/checkout/glow-mug');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      variant: '1',
      utm_source: 'dm',
      utm_medium: 'dm',
      utm_campaign: `drop-${dropId}`,
      ref: link.code,
      client_reference_id: link.code,
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('expires links after their TTL: a friendly 410 page, kept as an orphan visit', async () => {
    const link = await newLink({ touchpoint: 'stream', ttlSec: 600 });
    clock.advance(599_000);
    expect((await scan(t.url, `/r/${link.code}`)).status).toBe(302);
    clock.advance(2_000);
    const res = await scan(t.url, `/r/${link.code}`);
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('This link has expired');
    const orphans = (await (await t.api('/api/orphan-visits')).json()) as Array<{
      code: string;
      reason: string;
    }>;
    expect(orphans[0]).toMatchObject({ code: link.code, reason: 'expired' });
  });

  it('sends scans of a code already answered to the drop’s corrected checkout at once', async () => {
    const link = await newLink();
    const first = await scan(t.url, `/r/${link.code}/`);
    expect(new URL(first.headers.get('location') ?? '').hostname).toBe('shop.example.com');
    const fixed = await t.api(`/api/drops/${dropId}`, {
      method: 'PATCH',
      json: { checkoutUrl: 'https://fixed.example.org/buy' },
    });
    expect(fixed.status).toBe(200);
    const next = new URL((await scan(t.url, `/r/${link.code}`)).headers.get('location') ?? '');
    expect(`${next.origin}${next.pathname}`).toBe('https://fixed.example.org/buy');
    expect(next.searchParams.get('ref')).toBe(link.code);
  });

  it('revokes a link: later scans get a 410 page, a second revoke says it is already revoked', async () => {
    const link = await newLink();
    // Scanned first, so the scan path has this code as its last answer when the revoke lands.
    expect((await scan(t.url, `/r/${link.code}`)).status).toBe(302);
    const revoked = await t.api(`/api/links/${link.code}/revoke`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as Link).revokedAt).toBe(clock.now());
    const res = await scan(t.url, `/r/${link.code}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('no longer valid');
    const again = await t.api(`/api/links/${link.code}/revoke`, { method: 'POST' });
    expect(again.status).toBe(410);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('gone');
  });

  it('answers unknown and malformed codes with a friendly 404 page, never a 500, and records them', async () => {
    for (const path of ['/r/AAAAAAAAAA', '/r/%00%ff', '/r/' + 'x'.repeat(300), '/r/drop;DROP TABLE links']) {
      const res = await scan(t.url, path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('isn’t one of ours');
    }
    const orphans = (await (await t.api('/api/orphan-visits')).json()) as Array<{
      code: string;
      reason: string;
    }>;
    expect(orphans).toHaveLength(4);
    expect(orphans.every((o) => o.reason === 'unknown' && o.code.length <= 64)).toBe(true);
  });

  it('lists a drop’s links newest first', async () => {
    const first = await newLink({ touchpoint: 'stream' });
    clock.advance(1000);
    const second = await newLink({ touchpoint: 'venue' });
    const list = (await (await t.api(`/api/drops/${dropId}/links`)).json()) as Link[];
    expect(list.map((l) => [l.code, l.touchpoint])).toEqual([
      [second.code, 'venue'],
      [first.code, 'stream'],
    ]);
  });

  it('refuses bad link requests with a clear 4xx', async () => {
    const unknownTp = await t.api(`/api/drops/${dropId}/links`, {
      method: 'POST',
      json: { touchpoint: 'billboard' },
    });
    expect(unknownTp.status).toBe(404);
    expect(((await unknownTp.json()) as { error: { message: string } }).error.message).toMatch(
      /Unknown touchpoint "billboard".*stream/,
    );

    const badTtl = await t.api(`/api/drops/${dropId}/links`, {
      method: 'POST',
      json: { touchpoint: 'stream', ttlSec: 5 },
    });
    expect(badTtl.status).toBe(400);
    const { error } = (await badTtl.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/ttlSec/);

    const noDrop = await t.api('/api/drops/999/links', { method: 'POST', json: { touchpoint: 'stream' } });
    expect(noDrop.status).toBe(404);
    expect(((await noDrop.json()) as { error: { message: string } }).error.message).toBe(
      'Drop 999 not found',
    );
  });

  it('lets the host add a touchpoint and use it at once', async () => {
    const created = await t.api('/api/touchpoints', {
      method: 'POST',
      json: { key: 'cafe-poster', kind: 'local_ad', creator: 'Mia', label: 'Poster at Café Nord' },
    });
    expect(created.status).toBe(201);
    const dup = await t.api('/api/touchpoints', {
      method: 'POST',
      json: { key: 'cafe-poster', kind: 'local_ad' },
    });
    expect(dup.status).toBe(409);
    const link = await newLink({ touchpoint: 'cafe-poster' });
    const res = await scan(t.url, `/r/${link.code}`);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('utm_medium')).toBe('print');
  });
});
