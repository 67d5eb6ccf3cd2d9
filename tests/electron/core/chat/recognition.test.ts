import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, LeaderboardRow } from '../../../../shared/chat-events';
import { startLiveDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { next } from '../hub/hub-client';
import { chatSocket, closeChatSockets, join, send, type ChatSocket } from './chat-client';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(async () => {
  await t?.stop();
});
afterEach(closeChatSockets);

let sales = 0;
async function buyThrough(dropId: number, ref: string | undefined): Promise<void> {
  const res = await t.api('/api/sales', {
    method: 'POST',
    json: {
      dropId,
      quantity: 1,
      amountCents: 1000,
      currency: 'EUR',
      source: 'manual',
      externalId: `rec-${++sales}`,
      ...(ref ? { ref } : {}),
    },
  });
  expect(res.status).toBe(201);
}

async function claimCode(socket: ChatSocket): Promise<string> {
  const reply = next<ChatMessage>(socket, 'chat:reply');
  await send(socket, '!claim');
  // `/hold/<code>?claim=1` → the link code the claim was made with.
  return new URL((await reply).action!.href, 'http://x').pathname.split('/').pop()!;
}

async function badgesOnNextLine(socket: ChatSocket, text: string): Promise<string[]> {
  const mine = next<ChatMessage>(socket, 'chat:message', (m) => m.body === text);
  expect((await send(socket, text)).ok).toBe(true);
  return (await mine).badges.map((b) => b.id);
}

describe('recognition from the ledger', () => {
  it('badges verified, first and repeat buyers through their own claims, and ranks opted-in supporters', async () => {
    const first = await startLiveDrop(t, { title: 'Mug', stock: 10 });
    const { socket: kim } = await chatSocket(t.url, { session: 'kim-session-0123456789' });
    const { socket: lee } = await chatSocket(t.url, { session: 'lee-session-0123456789' });
    const { socket: board } = await chatSocket(t.url, { session: null, view: 'leaderboard' });
    await join(kim, 'Kim', true);
    await join(lee, 'Lee', false);
    expect(await badgesOnNextLine(kim, 'hello')).toEqual([]);

    // Three anonymous buyers first: Kim's purchase is the fourth, so no "first buyer" badge for her.
    for (let i = 0; i < 3; i++) await buyThrough(first.id, undefined);
    await buyThrough(first.id, await claimCode(kim));
    expect(await badgesOnNextLine(kim, 'got one')).toEqual(['verified']);
    // Typing "verified" proves nothing: Lee bought nothing through a claim of his.
    expect(await badgesOnNextLine(lee, 'I bought one too, trust me')).toEqual([]);

    const second = await startLiveDrop(t, { title: 'Cap', stock: 10 });
    const nextBoard = next<LeaderboardRow[]>(board, 'chat:leaderboard', (rows) =>
      rows.some((r) => r.points === 23),
    );
    await buyThrough(second.id, await claimCode(kim));
    expect(await badgesOnNextLine(kim, 'again!')).toEqual(['verified', 'first', 'repeat']);
    const rows = await nextBoard;
    // Only Kim opted in; Lee chatted but is never shown.
    expect(rows.map((r) => r.displayName)).toEqual(['Kim']);
    // Ten points per unit bought through her claims, one per line she said (the claims are private).
    expect(rows[0].points).toBe(2 * 10 + 3);
  });
});
