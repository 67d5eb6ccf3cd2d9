import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ModeratedChatMessage } from '../../../../shared/chat-events';
import { startLiveDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { closeAll, controlSocket, next } from '../hub/hub-client';
import { chatSocket, closeChatSockets, join, send } from './chat-client';
import { TEST_TOKEN } from '../../../support/core-harness';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  closeChatSockets();
  closeAll();
});

describe('chat over the /chat namespace', () => {
  it("shows a viewer's line, with its source, to the panel and (without the sender key) to overlays", async () => {
    const control = controlSocket(t.url, TEST_TOKEN);
    const { socket: overlay } = await chatSocket(t.url, { session: null });
    const { socket: viewer } = await chatSocket(t.url, { source: 'venue' });
    expect(await join(viewer, 'Ana')).toEqual({ ok: true, value: { displayName: 'Ana' } });
    const onPanel = next<ModeratedChatMessage>(control, 'chat:message', (m) => m.body === 'hello room');
    const onOverlay = next<ChatMessage>(overlay, 'chat:message', (m) => m.body === 'hello room');
    expect((await send(viewer, 'hello room')).ok).toBe(true);
    const panel = await onPanel;
    expect(panel).toMatchObject({ source: 'venue', displayName: 'Ana', kind: 'viewer' });
    expect(panel.senderKey).toMatch(/^web:[0-9a-f]{24}$/);
    expect(await onOverlay).not.toHaveProperty('senderKey');
  });

  it('refuses sending from a read-only socket, without a name, and over-long or control-character text', async () => {
    const { socket: overlay } = await chatSocket(t.url, { session: null });
    expect(await join(overlay, 'Sneaky')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { socket: viewer } = await chatSocket(t.url);
    expect(await send(viewer, 'hi')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await join(viewer, 'Bo');
    expect(await send(viewer, 'x'.repeat(301))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await send(viewer, 'bell\u0007')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // No control command is reachable on this namespace: the event is simply not handled.
    const res = await Promise.race([
      (viewer as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(
        'drop:start',
        { id: 1 },
      ),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 500)),
    ]);
    expect(res).toBe('no answer');
  });

  it('answers !claim privately with the hold link of a fresh chat link, and !stock publicly', async () => {
    const drop = await startLiveDrop(t, { title: 'Tote', stock: 5 });
    const { socket: viewer } = await chatSocket(t.url);
    const { socket: other } = await chatSocket(t.url);
    await join(viewer, 'Cy');
    const reply = next<ChatMessage>(viewer, 'chat:reply');
    let otherGotReply = false;
    other.on('chat:reply', () => (otherGotReply = true));
    expect(await send(viewer, '!claim')).toEqual({ ok: true, value: { id: null } });
    const r = await reply;
    expect(r.action?.label).toBe('Claim');
    const code = /^\/hold\/([A-Za-z0-9_-]+)\?claim=1$/.exec(r.action?.href ?? '')?.[1];
    expect(code).toBeDefined();
    const links = (await (await t.api(`/api/drops/${drop.id}/links`)).json()) as Array<{
      code: string;
      touchpoint: string;
    }>;
    expect(links.find((l) => l.code === code)?.touchpoint).toBe('chat');

    const pub = next<ChatMessage>(other, 'chat:message', (m) => m.kind === 'reply');
    await send(viewer, '!stock');
    expect((await pub).body).toBe('5 of Tote left (0 sold).');
    expect(otherGotReply).toBe(false);
  });

  it('cuts off a flooding sender while another keeps chatting; a muted sender reaches nobody', async () => {
    const { socket: flooder } = await chatSocket(t.url);
    const { socket: calm } = await chatSocket(t.url);
    await join(flooder, 'Flo');
    await join(calm, 'Cal');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => send(flooder, `spam ${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.error.code === 'rate_limited')).toHaveLength(7);
    expect((await send(calm, 'still here')).ok).toBe(true);

    const history = (await (await t.api('/api/chat/messages?limit=100')).json()) as ModeratedChatMessage[];
    const key = history.find((m) => m.displayName === 'Cal')!.senderKey!;
    expect(
      (await t.api('/api/chat/mutes', { method: 'POST', json: { senderKey: key, minutes: 5 } })).status,
    ).toBe(200);
    const { socket: overlay } = await chatSocket(t.url, { session: null });
    let leaked = false;
    overlay.on('chat:message', (m) => (leaked ||= m.displayName === 'Cal'));
    expect(await send(calm, 'muted now')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(false);
  });

  it('deletes a message everywhere and keeps HTML as plain text', async () => {
    const { socket: viewer } = await chatSocket(t.url);
    await join(viewer, 'Dee');
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const sent = await send(viewer, payload);
    if (!sent.ok || sent.value.id === null) throw new Error('not sent');
    const { socket: overlay, init } = await chatSocket(t.url, { session: null });
    expect(init.messages.find((m) => m.id === sent.value.id)?.body).toBe(payload);
    const gone = next<{ id: number }>(overlay, 'chat:deleted');
    expect((await t.api(`/api/chat/messages/${sent.value.id}/delete`, { method: 'POST' })).status).toBe(200);
    expect(await gone).toEqual({ id: sent.value.id });
    expect((await t.api(`/api/chat/messages/${sent.value.id}/delete`, { method: 'POST' })).status).toBe(410);
  });

  it('resolves a vanity path to the current audio link', async () => {
    const drop = await startLiveDrop(t, { title: 'Cap' });
    expect(
      (await t.api(`/api/drops/${drop.id}/vanity`, { method: 'POST', json: { path: 'cap' } })).status,
    ).toBe(200);
    const res = await fetch(`${t.url}/go/cap`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const code = /\/r\/([^/?]+)$/.exec(res.headers.get('location') ?? '')?.[1];
    const links = (await (await t.api(`/api/drops/${drop.id}/links`)).json()) as Array<{
      code: string;
      touchpoint: string;
    }>;
    expect(links.find((l) => l.code === code)?.touchpoint).toBe('audio');
    expect((await fetch(`${t.url}/go/nothing`, { redirect: 'manual' })).status).toBe(404);
  });

  it('masks filtered words, holds senders to slow mode, and leaves moderation to co-hosts over /control', async () => {
    expect(
      (await t.api('/api/chat/settings', { method: 'PATCH', json: { wordFilter: ['scam'] } })).status,
    ).toBe(200);
    const { socket: viewer } = await chatSocket(t.url);
    await join(viewer, 'Gil');
    const masked = next<ChatMessage>(viewer, 'chat:message', (m) => m.displayName === 'Gil');
    await send(viewer, 'this is a SCAM, not a scampi');
    expect((await masked).body).toBe('this is a ****, not a scampi');

    const slow = next<{ slowModeSec: number }>(viewer, 'chat:settings');
    expect((await t.api('/api/chat/slow-mode', { method: 'POST', json: { seconds: 30 } })).status).toBe(200);
    expect((await slow).slowModeSec).toBe(30);
    // Gil spoke a moment ago: the next line has to wait out the 30 s.
    expect(await send(viewer, 'one')).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: 'Slow mode is on: one message every 30 s.' },
    });
    expect((await t.api('/api/chat/slow-mode', { method: 'POST', json: { seconds: 0 } })).status).toBe(200);
    expect((await send(viewer, 'two')).ok).toBe(true);

    // Without a token nothing of the moderation is reachable.
    expect((await t.api('/api/chat/messages', { token: null })).status).toBe(401);
    expect(
      (
        await t.api('/api/chat/mutes', {
          method: 'POST',
          token: null,
          json: { senderKey: 'web:00', minutes: 1 },
        })
      ).status,
    ).toBe(401);
  });
});
