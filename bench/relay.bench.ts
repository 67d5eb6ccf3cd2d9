import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RelayHttp } from '../electron/core/relay/relay-http';
import { newShortCode } from '../electron/core/links/short-code';
import { RELAY_SECRET, startRelay, type RelayRuntime } from '../tests/edge/support/relay-runtime';
import { haveWrk, runWrk, type WrkResult } from './support/wrk';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SHARDS = (process.env.BENCH_SHARDS ?? '1,4,16').split(',').map(Number);
const CODES = 64;

const fmt = (r: WrkResult): string =>
  `${Math.round(r.requestsPerSec).toLocaleString('en')} req/s, p99 ${r.p99Ms.toFixed(2)} ms` +
  (r.non3xx + r.errors > 0 ? ` (${r.non3xx} non-3xx, ${r.errors} errors)` : '');

/** Publishes CODES live links straight to the relay, as a laptop would. */
async function publishCodes(relay: RelayRuntime): Promise<string[]> {
  const codes = Array.from({ length: CODES }, () => newShortCode());
  const http = new RelayHttp(relay.url, RELAY_SECRET);
  const expiresAt = Date.now() + 3600_000;
  await http.post(
    '/v1/publish',
    {
      links: codes.map((code) => ({
        code,
        location: `https://shop.example.com/checkout?ref=${code}`,
        dropId: 1,
        expiresAt,
        revokedAt: null,
      })),
    },
    z.object({ ok: z.literal(true) }),
  );
  return codes;
}

/**
 * Relay `/r/:code` on the local Workers runtime (workerd, Durable Objects on SQLite persisted to
 * local disk) next to a trivial 302 Worker on the same runtime, same load, same run; with and without
 * per-shard write batching, over 1, 4 and 16 shards.
 */
export async function benchRelay(): Promise<string[]> {
  if (!haveWrk()) return ['relay: skipped — wrk is not installed'];
  const trivial = await startRelay({
    script: fileURLToPath(new URL('./support/trivial-302-worker.mjs', import.meta.url)),
  });
  const lines = [
    `relay /r/:code on workerd (Miniflare), ${CONNECTIONS} connections, ${SECONDS} s rounds, each next to a trivial 302 Worker:`,
  ];
  try {
    await runWrk(`${trivial.url}/r/x`, { connections: CONNECTIONS, seconds: 2 });
    for (const batching of [true, false]) {
      for (const shards of SHARDS) {
        const relay = await startRelay({ shards, batching, persist: true });
        try {
          const codes = await publishCodes(relay);
          const opts = {
            connections: CONNECTIONS,
            seconds: SECONDS,
            script: './vary-code.lua',
            env: { CODES: codes.join(',') },
          };
          await runWrk(relay.url, { ...opts, seconds: 2 });
          const base = await runWrk(`${trivial.url}/r/x`, { connections: CONNECTIONS, seconds: SECONDS });
          const ours = await runWrk(relay.url, opts);
          const ratio = ((ours.requestsPerSec / base.requestsPerSec) * 100).toFixed(1);
          lines.push(
            `  ${batching ? 'batched' : 'per-scan'} writes, ${String(shards).padStart(2)} shard(s): ${fmt(ours)} — ${ratio} % of trivial (${fmt(base)})`,
          );
        } finally {
          await relay.stop();
        }
      }
    }
  } finally {
    await trivial.stop();
  }
  return lines;
}
