import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import type { OverlaySnapshot } from '../../../../shared/hub-events';
import type { Result } from '../../../../shared/result';
import { sampleDrop, startLiveDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { closeAll, next, overlaySocket, request } from '../hub/hub-client';

/** What a stranger with no token can get out of the overlay endpoints: only what is on air. */
describe('the public surface', () => {
  let t: TestCore;
  let live: Drop;
  beforeAll(async () => {
    t = await startTestCore();
    live = await startLiveDrop(t);
    const creator = await t.api('/api/touchpoints', {
      method: 'POST',
      json: { key: 'ana-dm', kind: 'creator_dm', creator: 'Ana' },
    });
    expect(creator.status).toBe(201);
  });
  afterAll(() => t.stop());
  afterEach(closeAll);

  const qr = (dropId: number, touchpoint: string) =>
    fetch(`${t.url}/overlay/qr.svg?drop=${dropId}&touchpoint=${touchpoint}`);

  it('hands out the stream QR of a live drop', async () => {
    const res = await qr(live.id, 'stream');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('never hands out members, creator or other off-stream links, and says the same for each', async () => {
    const answers: unknown[] = [];
    for (const touchpoint of ['members', 'ana-dm', 'venue', 'dm', 'email', 'direct', 'no-such-tp']) {
      const res = await qr(live.id, touchpoint);
      expect(res.status, touchpoint).toBe(404);
      answers.push(await res.json());
      const socket = overlaySocket(t.url);
      await next(socket, 'state:init');
      const viaSocket = await request<Result<unknown>>(socket, 'link:current', {
        dropId: live.id,
        touchpoint,
      });
      expect(viaSocket, touchpoint).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(JSON.stringify(viaSocket)).not.toMatch(/stream|members|venue/);
    }
    // One generic sentence: no list of touchpoint keys, nothing that tells them apart.
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(JSON.stringify(answers[0])).not.toMatch(/stream|members|direct/);
    // Nothing was created for them either.
    const links = (await (await t.api(`/api/drops/${live.id}/links`)).json()) as Array<{
      touchpoint: string;
    }>;
    expect(links.map((l) => l.touchpoint)).toEqual(['stream']);
  });

  it('refuses to put a members or creator touchpoint on stream, and serves one the host marks', async () => {
    for (const key of ['members', 'ana-dm']) {
      const res = await t.api(`/api/touchpoints/${key}`, { method: 'PATCH', json: { onStream: true } });
      expect(res.status, key).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /can't be shown on stream/,
      );
    }
    const marked = await t.api('/api/touchpoints/venue', { method: 'PATCH', json: { onStream: true } });
    expect(marked.status).toBe(200);
    expect((await qr(live.id, 'venue')).status).toBe(200);
  });

  it('keeps drafts unreadable: no snapshot, no QR, the same answer as for a missing drop', async () => {
    const created = await t.api('/api/drops', { method: 'POST', json: sampleDrop({ title: 'Unannounced' }) });
    const draft = (await created.json()) as Drop;
    const snapshot = await next<OverlaySnapshot>(overlaySocket(t.url, { dropId: draft.id }), 'state:init');
    expect(snapshot.drops).toEqual([]);
    const follower = await next<OverlaySnapshot>(overlaySocket(t.url), 'state:init');
    expect(JSON.stringify(follower)).not.toContain('Unannounced');
    const draftQr = await qr(draft.id, 'stream');
    const missingQr = await qr(987_654, 'stream');
    expect(draftQr.status).toBe(404);
    expect(await draftQr.json()).toEqual(await missingQr.json());
    // The HTTP API itself needs a token for drafts (and for everything else).
    expect((await t.api(`/api/drops/${draft.id}`, { token: null })).status).toBe(401);
  });
});
