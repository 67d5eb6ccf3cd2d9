import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import type { OverlaySnapshot, PublicDrop, StateSnapshot } from '../../../../shared/hub-events';
import type { Result } from '../../../../shared/result';
import { sampleDrop, startTestCore, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { closeAll, controlSocket, next, overlaySocket, refusal, request } from './hub-client';

let t: TestCore;
const clock = new ManualClock();

beforeAll(async () => {
  t = await startTestCore({ clock });
});
afterEach(closeAll);
afterAll(async () => {
  await t.stop();
});

async function createDrop(over: Record<string, unknown> = {}): Promise<Drop> {
  const res = await t.api('/api/drops', { method: 'POST', json: sampleDrop(over) });
  expect(res.status).toBe(201);
  return (await res.json()) as Drop;
}

describe('connecting', () => {
  it('gives an overlay page a snapshot of its drop with public fields only, and nothing of a draft', async () => {
    const drop = await createDrop({ obsActions: { start: [{ type: 'switchScene', scene: 'Drop' }] } });
    const draft = await next<OverlaySnapshot>(overlaySocket(t.url, { dropId: drop.id }), 'state:init');
    // Not announced yet: a stranger guessing drop ids learns nothing, not even its title.
    expect(draft.drops).toEqual([]);

    expect((await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);
    const init = await next<OverlaySnapshot>(overlaySocket(t.url, { dropId: drop.id }), 'state:init');
    expect(init.serverTime).toBe(clock.now());
    expect(init.drops).toHaveLength(1);
    const shown = init.drops[0];
    expect(shown).toMatchObject({ id: drop.id, title: 'Glow mug', state: 'live', stock: 10, sold: 0 });
    // Scans must go through tracked short links, and scene plans are the host's business.
    expect(shown).not.toHaveProperty('checkoutUrl');
    expect(shown).not.toHaveProperty('obsActions');
    expect(JSON.stringify(init)).not.toContain('shop.example.com');
  });

  it('keeps drafts away from pages that follow whatever is live', async () => {
    const draft = await createDrop();
    const init = await next<OverlaySnapshot>(overlaySocket(t.url), 'state:init');
    expect(init.drops.map((d) => d.id)).not.toContain(draft.id);
  });

  it('refuses /control without the host token, and with a wrong one', async () => {
    const missing = await refusal(controlSocket(t.url, null));
    expect(missing.data?.code).toBe('unauthorized');
    expect(missing.message).toMatch(/token/i);

    const wrong = await refusal(controlSocket(t.url, 'not-the-token'));
    expect(wrong.data?.code).toBe('unauthorized');
  });

  it('gives the control panel the full drops and the OBS status', async () => {
    const drop = await createDrop();
    const init = await next<StateSnapshot>(controlSocket(t.url, TEST_TOKEN), 'state:init');
    const full = init.drops.find((d) => d.id === drop.id);
    expect(full?.checkoutUrl).toBe(drop.checkoutUrl);
    expect(init.obs?.state).toBeDefined();
  });
});

describe('requests', () => {
  it('answers clock:ping with the server clock, and ignores malformed pings', async () => {
    const socket = overlaySocket(t.url);
    let answeredGarbage = false;
    socket.emit('clock:ping', 'soon' as unknown as number, () => {
      answeredGarbage = true;
    });
    // Handled in order on one socket: once this answer is back, the malformed ping was handled too.
    expect(await request<number>(socket, 'clock:ping', Date.now())).toBe(clock.now());
    expect(answeredGarbage).toBe(false);
  });

  it('validates command payloads and answers a Result with the HTTP error codes', async () => {
    const drop = await createDrop();
    const control = controlSocket(t.url, TEST_TOKEN);

    const bad = await request<Result<Drop>>(control, 'drop:extend', { id: 'one', seconds: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('bad_request');
      expect(bad.error.message).toMatch(/id/);
      expect(bad.error.message).toMatch(/seconds/);
    }

    const missing = await request<Result<Drop>>(control, 'drop:start', { id: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const notLive = await request<Result<Drop>>(control, 'drop:extend', { id: drop.id, seconds: 30 });
    expect(notLive).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });

    const started = await request<Result<Drop>>(control, 'drop:start', { id: drop.id });
    expect(started).toMatchObject({ ok: true, value: { id: drop.id, state: 'live' } });
  });

  it('does not let an overlay socket run drop commands', async () => {
    const drop = await createDrop();
    const overlay = overlaySocket(t.url, { dropId: drop.id });
    overlay.emit('drop:start' as 'clock:ping', { id: drop.id } as unknown as number, () => undefined);
    await request<number>(overlay, 'clock:ping', Date.now());
    const after = (await (await t.api(`/api/drops/${drop.id}`)).json()) as Drop;
    expect(after.state).toBe('draft');
  });

  it('hands an overlay the QR link of a touchpoint, creating it once, but none for a draft', async () => {
    const drop = await createDrop();
    const overlay = overlaySocket(t.url, { dropId: drop.id });
    // A draft's link would reveal its unannounced checkout URL to anyone guessing drop ids.
    const draft = await request<Result<unknown>>(overlay, 'link:current', {
      dropId: drop.id,
      touchpoint: 'stream',
    });
    // The same answer as for a drop that does not exist: public pages can't tell the two apart.
    expect(draft).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'This code is not on air.' },
    });
    const missing = await request<Result<unknown>>(overlay, 'link:current', {
      dropId: 999_999,
      touchpoint: 'stream',
    });
    expect(missing).toEqual(draft);

    expect((await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);
    const first = await request<Result<{ code: string; qrUrl: string }>>(overlay, 'link:current', {
      dropId: drop.id,
      touchpoint: 'stream',
    });
    const again = await request<Result<{ code: string }>>(overlay, 'link:current', {
      dropId: drop.id,
      touchpoint: 'stream',
    });
    expect(first.ok && again.ok).toBe(true);
    if (first.ok && again.ok) {
      expect(again.value.code).toBe(first.value.code);
      expect(first.value.qrUrl).toBe(`${t.url}/r/${first.value.code}?s=qr`);
    }
    const unknown = await request<Result<unknown>>(overlay, 'link:current', {
      dropId: drop.id,
      touchpoint: 'nope',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('patches', () => {
  it('pushes the started drop to the panel, its page and pages following live drops', async () => {
    const drop = await createDrop();
    const control = controlSocket(t.url, TEST_TOKEN);
    const page = overlaySocket(t.url, { dropId: drop.id });
    const follower = overlaySocket(t.url);
    await Promise.all([next(control, 'state:init'), next(page, 'state:init'), next(follower, 'state:init')]);

    const live = (d: { id: number; state: string }): boolean => d.id === drop.id && d.state === 'live';
    const got = Promise.all([
      next<Drop>(control, 'drop:updated', live),
      next<PublicDrop>(page, 'drop:updated', live),
      next<PublicDrop>(follower, 'drop:updated', live),
    ]);
    const res = await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' });
    expect(res.status).toBe(200);
    const [full, forPage, forFollower] = await got;
    expect(forPage.endsAt).toBe(clock.now() + 300_000);
    expect(forFollower.endsAt).toBe(forPage.endsAt);
    expect(full.checkoutUrl).toBe(drop.checkoutUrl);
    expect(forPage).not.toHaveProperty('checkoutUrl');
  });
});
