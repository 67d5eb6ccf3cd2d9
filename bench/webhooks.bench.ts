import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { startCoreProcess } from '../tests/support/core-process';
import { tempDir } from '../tests/support/temp-dir';
import { checkoutSession, STRIPE_SECRET, stripeEvent } from '../tests/support/webhooks';

const EVENTS = Number(process.env.BENCH_WEBHOOKS ?? 2000);
const ROUNDS = 3;
const IN_FLIGHT = Number(process.env.BENCH_CONNECTIONS ?? 16);
const TOKEN = 'bench-token-0123456789abcdef';

interface Result {
  perSec: number;
  statuses: Map<number, number>;
}

const median = (runs: Result[]): Result =>
  [...runs].sort((a, b) => a.perSec - b.perSec)[Math.floor(runs.length / 2)];

interface Delivery {
  body: string;
  signature: string;
}

function startBareServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./support/bare-webhook-server.mjs', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((done) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /READY (\S+)/.exec(d.toString());
      if (m) done({ child, url: m[1] });
    });
  });
}

/** POSTs every delivery with `IN_FLIGHT` requests on keep-alive sockets; requests/s and status counts. */
async function blast(
  url: string,
  deliveries: Delivery[],
): Promise<{ perSec: number; statuses: Map<number, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const target = new URL(url);
  const statuses = new Map<number, number>();
  let next = 0;
  const one = (d: Delivery): Promise<void> =>
    new Promise((done, fail) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(d.body),
            'stripe-signature': d.signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            done();
          });
        },
      );
      req.on('error', fail);
      req.end(d.body);
    });
  const worker = async (): Promise<void> => {
    while (next < deliveries.length) await one(deliveries[next++]);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { perSec: deliveries.length / seconds, statuses };
}

const fmt = (r: Result): string =>
  `${Math.round(r.perSec).toLocaleString('en')} events/s  (${[...r.statuses].map(([s, n]) => `${n}×${s}`).join(', ')})`;

/**
 * Signed Stripe `checkout.session.completed` events through HTTP into SQLite (verify, post, stock,
 * rollup, audit, dedup log), next to — in the same run, same client, same bodies — a bare node:http
 * server that only reads the body, and the signature check alone in-process.
 */
export async function benchWebhooks(): Promise<string[]> {
  const dir = tempDir('dropdeck-bench-webhooks-');
  const core = await startCoreProcess(dir.path, TOKEN, { DROPDECK_STRIPE_WEBHOOK_SECRET: STRIPE_SECRET });
  const bare = await startBareServer();
  try {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const drop = (await (
      await fetch(`${core.url}/api/drops`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: 'Bench',
          stock: 1_000_000,
          priceCents: 2500,
          currency: 'EUR',
          durationSec: 3600,
          checkoutUrl: 'https://shop.example.com/checkout',
        }),
      })
    ).json()) as { id: number };
    await fetch(`${core.url}/api/drops/${drop.id}/start`, { method: 'POST', headers });
    const link = (await (
      await fetch(`${core.url}/api/drops/${drop.id}/links`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ touchpoint: 'stream' }),
      })
    ).json()) as { code: string };

    // Signed up front, so the client's own HMAC work is not part of any figure.
    const sign = (n: number): Delivery[] =>
      Array.from({ length: n }, () => {
        const body = JSON.stringify(
          stripeEvent(
            'checkout.session.completed',
            checkoutSession({ client_reference_id: link.code }),
            Date.now(),
          ),
        );
        return {
          body,
          signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: STRIPE_SECRET }),
        };
      });
    const warm = sign(200);
    await blast(bare.url, warm);
    await blast(`${core.url}/webhooks/stripe`, warm);

    // Alternate rounds so a noisy neighbour hurts every side alike; report the median of each.
    const bases: Result[] = [];
    const ours: Result[] = [];
    const agains: Result[] = [];
    const verifies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const fresh = sign(EVENTS);
      bases.push(await blast(bare.url, fresh));
      ours.push(await blast(`${core.url}/webhooks/stripe`, fresh));
      agains.push(await blast(`${core.url}/webhooks/stripe`, fresh));
      const verifyStart = performance.now();
      for (const d of fresh) Stripe.webhooks.constructEvent(d.body, d.signature, STRIPE_SECRET);
      verifies.push(fresh.length / ((performance.now() - verifyStart) / 1000));
    }
    const base = median(bases);
    const posted1 = median(ours);
    const again = median(agains);
    const verifyPerSec = [...verifies].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
    const total = warm.length + ROUNDS * EVENTS;

    const stats = (await (await fetch(`${core.url}/api/drops/${drop.id}/stats`, { headers })).json()) as {
      rows: Array<{ sales: number }>;
    };
    const posted = stats.rows.reduce((n, r) => n + r.sales, 0);
    return [
      `webhook ingest, median of ${ROUNDS} alternating rounds of ${EVENTS.toLocaleString('en')} distinct signed checkout.session.completed events, ${IN_FLIGHT} in flight (keep-alive):`,
      `  bare node:http 200 (body read)       ${fmt(base)}`,
      `  DropDeck /webhooks/stripe (posted)   ${fmt(posted1)}  = ${((posted1.perSec / base.perSec) * 100).toFixed(1)} % of bare`,
      `  DropDeck redelivery (duplicates)     ${fmt(again)}`,
      `  signature check alone, in-process    ${Math.round(verifyPerSec).toLocaleString('en')} events/s`,
      `  every accepted event posted once: ${posted === total ? 'yes' : 'NO'} (${posted.toLocaleString('en')} sales for ${total.toLocaleString('en')} events)`,
    ];
  } finally {
    bare.child.kill('SIGKILL');
    await core.kill('SIGTERM');
    dir.remove();
  }
}
