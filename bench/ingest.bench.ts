import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startCore } from '../electron/core/app';
import { systemActor } from '../electron/core/devices/principal';
import type { Scan } from '../electron/core/clicks/scan-writer';
import { RELAY_SECRET, startRelay } from '../tests/edge/support/relay-runtime';
import { tempDir } from '../tests/support/temp-dir';

const BENCH = systemActor('bench');

const SCANS = Number(process.env.BENCH_INGEST_SCANS ?? 200_000);
const EDGE_SCANS = Number(process.env.BENCH_EDGE_SCANS ?? 10_000);
const PAGE = 1000;
const TOKEN = 'bench-token-0123456789abcdef';

/** Relay pages as the puller hands them over: back-dated over 10 minutes, out of order, 20k visitors. */
function pages(dropId: number, touchpointId: number, code: string): Scan[][] {
  const visitors = Array.from({ length: 20_000 }, () => randomBytes(16));
  const now = Date.now();
  const out: Scan[][] = [];
  for (let i = 0; i < SCANS; i += PAGE) {
    out.push(
      Array.from({ length: Math.min(PAGE, SCANS - i) }, (_, j) => {
        const v = visitors[(i + j) % visitors.length];
        return {
          kind: 'click' as const,
          at: now - Math.floor(Math.random() * 600_000),
          code,
          dropId,
          touchpointId,
          via: 'qr' as const,
          bot: false,
          visitor: { current: v, previous: v },
          // The relay's ids are time-ordered (see edge/src/edge-id.ts).
          edgeId: edgeId(now + i + j),
        };
      }),
    );
  }
  return out;
}

/** The same rows into a bare STRICT table (no dedup, no rollup, no idempotency), same pragmas. */
function bareInsert(dir: string, batches: Scan[][]): number {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, code TEXT NOT NULL, drop_id INTEGER NOT NULL,
    touchpoint_id INTEGER NOT NULL, via TEXT NOT NULL, visitor_id BLOB NOT NULL, edge_id TEXT NOT NULL) STRICT`);
  const ins = db.prepare(
    'INSERT INTO t (at, code, drop_id, touchpoint_id, via, visitor_id, edge_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const tx = db.transaction((batch: Scan[]) => {
    for (const s of batch) {
      if (s.kind !== 'click' || !('current' in s.visitor)) continue;
      ins.run(s.at, s.code, s.dropId, s.touchpointId, s.via, s.visitor.current, s.edgeId);
    }
  });
  const t0 = performance.now();
  for (const b of batches) tx.immediate(b);
  const sec = (performance.now() - t0) / 1000;
  db.close();
  return SCANS / sec;
}

const edgeId = (t: number): string => t.toString(36).padStart(9, '0') + randomBytes(8).toString('hex');

const rate = (n: number): string => `${Math.round(n).toLocaleString('en')} scans/s`;

/**
 * Sync ingest on the laptop: relay pages through the recorder's write path (edge-id idempotency,
 * dedup by latest time, rollup of every minute touched, one transaction per page), next to bare
 * inserts of the same rows; then a full catch-up from a relay on workerd over HTTP.
 */
export async function benchIngest(): Promise<string[]> {
  const dir = tempDir('dropdeck-bench-ingest-');
  const core = await startCore({
    dataDir: dir.path,
    port: 0,
    host: '127.0.0.1',
    hostToken: TOKEN,
    rendererDir: null,
    env: { DROPDECK_QUIET: '1' },
  });
  const lines: string[] = [];
  try {
    const s = core.services;
    const drop = s.engine.list()[0] ?? null;
    const dropId =
      drop?.id ??
      (
        (await (
          await fetch(`${core.url}/api/drops`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              title: 'Bench',
              stock: 10,
              priceCents: 100,
              currency: 'EUR',
              durationSec: 600,
              checkoutUrl: 'https://shop.example.com/c',
            }),
          })
        ).json()) as { id: number }
      ).id;
    const link = s.links.create(dropId, 'stream', undefined, BENCH);
    const tp = s.touchpoints.findByKey('stream');
    const batches = pages(dropId, tp?.id ?? 0, link.code);
    const base = bareInsert(dir.path, batches);
    const t0 = performance.now();
    for (const b of batches) s.clicks.ingest(b);
    const ours = SCANS / ((performance.now() - t0) / 1000);
    const t1 = performance.now();
    for (const b of batches.slice(0, 20)) s.clicks.ingest(b);
    const dupes = (20 * PAGE) / ((performance.now() - t1) / 1000);
    lines.push(
      `sync ingest, ${SCANS.toLocaleString('en')} relay scans in pages of ${PAGE} (back-dated, out of order):`,
      `  bare INSERT, same rows     ${rate(base)}`,
      `  DropDeck ingest            ${rate(ours)} (${((ours / base) * 100).toFixed(1)} % of bare: dedup, rollup, idempotency)`,
      `  re-ingest of pulled pages  ${rate(dupes)} (all duplicates, nothing written)`,
    );
  } finally {
    await core.close();
    dir.remove();
  }
  lines.push(await catchUp());
  return lines;
}

/** EDGE_SCANS answered by a relay while no laptop was there, then the time a laptop takes to catch up. */
async function catchUp(): Promise<string> {
  const relay = await startRelay({ shards: 4, persist: true });
  const dir = tempDir('dropdeck-bench-catchup-');
  try {
    let core = await startCore({
      dataDir: dir.path,
      port: 0,
      host: '127.0.0.1',
      hostToken: TOKEN,
      rendererDir: null,
      env: {
        DROPDECK_QUIET: '1',
        DROPDECK_RELAY_URL: relay.url,
        DROPDECK_RELAY_SECRET: RELAY_SECRET,
        DROPDECK_RELAY_SYNC_MS: '100',
      },
    });
    const res = await fetch(`${core.url}/api/drops`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Bench',
        stock: 10,
        priceCents: 100,
        currency: 'EUR',
        durationSec: 3600,
        checkoutUrl: 'https://shop.example.com/c',
      }),
    });
    const dropId = ((await res.json()) as { id: number }).id;
    const codes = ['stream', 'venue', 'dm', 'email'].map(
      (tp) => core.services.links.create(dropId, tp, undefined, BENCH).code,
    );
    await core.services.relay?.sync();
    await core.close();
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let i = next++; i < EDGE_SCANS; i = next++) {
          await fetch(`${relay.url}/r/${codes[i % codes.length]}`, {
            redirect: 'manual',
            headers: {
              'cf-connecting-ip': `10.2.${(i >> 8) & 255}.${i & 255}`,
              'user-agent': 'Mozilla/5.0 (iPhone)',
            },
          }).then((r) => r.arrayBuffer());
        }
      }),
    );
    const t0 = performance.now();
    core = await startCore({
      dataDir: dir.path,
      port: 0,
      host: '127.0.0.1',
      hostToken: TOKEN,
      rendererDir: null,
      env: {
        DROPDECK_QUIET: '1',
        DROPDECK_RELAY_URL: relay.url,
        DROPDECK_RELAY_SECRET: RELAY_SECRET,
        DROPDECK_RELAY_SYNC_MS: '100',
      },
    });
    while (
      (core.services.relay?.status().ingestedScans ?? 0) < EDGE_SCANS &&
      performance.now() - t0 < 60_000
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const sec = (performance.now() - t0) / 1000;
    const got = core.services.relay?.status().ingestedScans ?? 0;
    await core.close();
    return `  catch-up from the relay      ${got.toLocaleString('en')} of ${EDGE_SCANS.toLocaleString('en')} scans in ${sec.toFixed(2)} s incl. core start = ${rate(got / sec)} (4 shards, HTTP pull + ingest)`;
  } finally {
    await relay.stop();
    dir.remove();
  }
}
