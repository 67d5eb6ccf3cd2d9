import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { startCoreProcess } from '../tests/support/core-process';
import { tempDir } from '../tests/support/temp-dir';
import { allConnected, startBareSocketIo } from './support/socketio-bench';

const CLIENTS = 500;
const ROUNDS = Number(process.env.BENCH_CHAT_ROUNDS ?? 100);
const WARMUP_ROUNDS = 10;
const TOKEN = 'bench-token-0123456789abcdef';

interface Line {
  body: string;
}

/** 500 chat pages (read-only, like overlays and viewers who only watch), each on its own WebSocket. */
async function connectChat(url: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < CLIENTS; i++)
    sockets.push(
      io(`${url}/chat`, { forceNew: true, reconnection: false, transports: ['websocket'], auth: {} }),
    );
  return allConnected(sockets);
}

async function oneRound(sockets: Socket[], body: string, fire: () => Promise<void>): Promise<number[]> {
  let t0 = 0;
  const received = Promise.all(
    sockets.map(
      (s) =>
        new Promise<number>((resolve) => {
          const listener = (m: Line): void => {
            if (m.body !== body) return;
            s.off('chat:message', listener);
            resolve(performance.now() - t0);
          };
          s.on('chat:message', listener);
        }),
    ),
  );
  t0 = performance.now();
  await fire();
  return received;
}

function pct(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const fmt = (all: number[]): string =>
  `p50 ${pct(all, 0.5).toFixed(2)} ms, p99 ${pct(all, 0.99).toFixed(2)} ms`;

async function post(url: string, body: unknown, auth: boolean): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Bearer ${TOKEN}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
}

/**
 * Chat fan-out: from a message posted (`POST /api/chat/messages`: validated, stored, announced) to
 * every one of 500 connected `/chat` clients holding it, against a bare socket.io server emitting the
 * same message on `/chat`. Rounds interleave (bare, ours, …) so both share the machine's noise.
 */
export async function benchChatFanout(): Promise<string[]> {
  const dir = tempDir('dropdeck-bench-chat-');
  const core = await startCoreProcess(dir.path, TOKEN);
  const bare = await startBareSocketIo();
  try {
    const bareClients = await connectChat(bare.url);
    const chatClients = await connectChat(core.url);
    const baseline: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
      const body = `bench line ${i}: anyone else in the room?`;
      const payload = {
        id: i + 1,
        at: Date.now(),
        kind: 'host',
        source: 'dropdeck',
        displayName: 'host',
        body,
        badges: [],
      };
      const b = await oneRound(bareClients, body, () => post(`${bare.url}/emit-chat`, payload, false));
      const o = await oneRound(chatClients, body, () =>
        post(`${core.url}/api/chat/messages`, { body }, true),
      );
      if (i < WARMUP_ROUNDS) continue;
      baseline.push(...b);
      ours.push(...o);
    }
    for (const s of [...bareClients, ...chatClients]) s.disconnect();
    return [
      `chat fan-out, ${CLIENTS} /chat clients, ${ROUNDS} rounds, POST → every client has the message:`,
      `  bare socket.io broadcast (POST /emit-chat)   ${fmt(baseline)}`,
      `  DropDeck POST /api/chat/messages             ${fmt(ours)}`,
    ];
  } finally {
    bare.child.kill('SIGKILL');
    await core.kill('SIGTERM');
    dir.remove();
  }
}
