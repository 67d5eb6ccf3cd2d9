import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { startCoreProcess } from '../tests/support/core-process';
import { tempDir } from '../tests/support/temp-dir';
import { allConnected, startBareSocketIo } from './support/socketio-bench';

const OVERLAY_CLIENTS = 150;
const CONTROL_CLIENTS = 50;
const ROUNDS = Number(process.env.BENCH_HUB_ROUNDS ?? 100);
const WARMUP_ROUNDS = 10;
const TARGET_P99_MS = 50;
const TOKEN = 'bench-token-0123456789abcdef';

interface DropLike {
  id: number;
  state: string;
}

/** One round: something to fire, and how a client recognises the patch it caused. */
interface Round {
  fire(): Promise<void>;
  matches(payload: DropLike): boolean;
}

interface Samples {
  /** Every client's latency, every round (ms). */
  all: number[];
  /** The slowest client of each round: when the last overlay on screen had it. */
  slowest: number[];
}

/** 150 overlay + 50 control sockets, each on its own WebSocket connection, all connected. */
async function connectClients(url: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < OVERLAY_CLIENTS + CONTROL_CLIENTS; i++) {
    const control = i >= OVERLAY_CLIENTS;
    sockets.push(
      io(`${url}/${control ? 'control' : 'overlay'}`, {
        forceNew: true,
        reconnection: false,
        transports: ['websocket'],
        auth: control ? { token: TOKEN } : {},
      }),
    );
  }
  return allConnected(sockets);
}

/**
 * Runs the rounds of both servers interleaved (bare, ours, bare, ours...), so JIT warm-up, GC and
 * whatever else the machine does fall on both alike.
 */
async function measure(
  targets: Array<{ sockets: Socket[]; nextRound: (i: number) => Promise<Round> }>,
): Promise<Samples[]> {
  const samples: Samples[] = targets.map(() => ({ all: [], slowest: [] }));
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
    for (const [k, { sockets, nextRound }] of targets.entries()) {
      const latencies = await oneRound(sockets, await nextRound(i));
      if (i < WARMUP_ROUNDS) continue;
      samples[k].all.push(...latencies);
      samples[k].slowest.push(Math.max(...latencies));
    }
  }
  return samples;
}

async function oneRound(sockets: Socket[], round: Round): Promise<number[]> {
  let t0 = 0;
  const received = Promise.all(
    sockets.map(
      (s) =>
        new Promise<number>((resolve) => {
          const listener = (payload: DropLike): void => {
            if (!round.matches(payload)) return;
            s.off('drop:updated', listener);
            resolve(performance.now() - t0);
          };
          s.on('drop:updated', listener);
        }),
    ),
  );
  t0 = performance.now();
  await round.fire();
  return received;
}

function pct(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const fmt = (s: Samples): string =>
  `p50 ${pct(s.all, 0.5).toFixed(2)} ms, p99 ${pct(s.all, 0.99).toFixed(2)} ms` +
  ` (last client per round: p50 ${pct(s.slowest, 0.5).toFixed(2)} ms, p99 ${pct(s.slowest, 0.99).toFixed(2)} ms)`;

const post = async (url: string, body: unknown, auth = false): Promise<Response> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Bearer ${TOKEN}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
  return res;
};

/** A real drop, as the bare server's payload: same shape and size as what the hub sends the panel. */
async function sampleDropJson(coreUrl: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${coreUrl}/api/drops`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const [drop] = (await res.json()) as Array<Record<string, unknown>>;
  return drop;
}

/**
 * Latency from `POST /api/drops/:id/start` to every one of 200 connected overlay/control clients
 * holding the live drop, against a bare socket.io server broadcasting the same payload on POST. The
 * servers run in their own processes; the clients share this one, as in both measurements.
 */
export async function benchHubLatency(): Promise<string[]> {
  const dir = tempDir('dropdeck-bench-hub-');
  const core = await startCoreProcess(dir.path, TOKEN);
  const bare = await startBareSocketIo();
  try {
    const newDrop = async (): Promise<number> => {
      const body = {
        title: 'Bench',
        stock: 100,
        priceCents: 100,
        currency: 'EUR',
        durationSec: 3600,
        checkoutUrl: 'https://shop.example.com/checkout',
      };
      return ((await (await post(`${core.url}/api/drops`, body, true)).json()) as DropLike).id;
    };
    await newDrop();
    const payload = await sampleDropJson(core.url);

    const bareClients = await connectClients(bare.url);
    const hubClients = await connectClients(core.url);
    const [baseline, ours] = await measure([
      {
        sockets: bareClients,
        nextRound: (i) => {
          const body = { ...payload, id: 1_000_000 + i, state: 'live' };
          return Promise.resolve({
            fire: async () => void (await post(`${bare.url}/emit`, body)),
            matches: (d: DropLike) => d.id === body.id,
          });
        },
      },
      {
        sockets: hubClients,
        nextRound: async () => {
          const id = await newDrop();
          return {
            fire: async () => void (await post(`${core.url}/api/drops/${id}/start`, {}, true)),
            matches: (d) => d.id === id && d.state === 'live',
          };
        },
      },
    ]);
    for (const s of [...bareClients, ...hubClients]) s.disconnect();

    const p99 = pct(ours.all, 0.99);
    return [
      `hub latency, ${OVERLAY_CLIENTS} /overlay + ${CONTROL_CLIENTS} /control clients, ${ROUNDS} rounds, POST → every client has the patch:`,
      `  bare socket.io broadcast (POST /emit)   ${fmt(baseline)}`,
      `  DropDeck POST /api/drops/:id/start      ${fmt(ours)}`,
      `  target p99 < ${TARGET_P99_MS} ms on loopback: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'} (${p99.toFixed(2)} ms)`,
    ];
  } finally {
    bare.child.kill('SIGKILL');
    await core.kill('SIGTERM');
    dir.remove();
  }
}
