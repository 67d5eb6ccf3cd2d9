import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startCore } from '../electron/core/app';
import type { Clock } from '../electron/core/clock';
import { tempDir } from '../tests/support/temp-dir';

const CLICKS = Number(process.env.BENCH_CLICKS ?? 1_000_000);
const TOKEN = 'bench-token-0123456789abcdef';
const TOUCHPOINTS = ['stream', 'venue', 'nfc', 'dm', 'email'];

/** One GET on a fresh connection (seeding takes longer than any keep-alive timeout). */
function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * GET /api/drops/:id/stats on a drop with 1 M recorded scans, next to the same per-minute figures
 * computed straight from the click log (what the rollup saves us), in the same run.
 */
export async function benchStats(): Promise<string[]> {
  const dir = tempDir('dropdeck-bench-stats-');
  const clock = {
    t: Date.UTC(2026, 10, 21, 18, 0, 0),
    now() {
      return this.t;
    },
  } satisfies Clock & { t: number };
  const core = await startCore({
    dataDir: dir.path,
    port: 0,
    host: '127.0.0.1',
    hostToken: TOKEN,
    clock,
    env: { DROPDECK_QUIET: '1' },
  });
  const { services } = core;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  try {
    const drop = (await (
      await fetch(`${core.url}/api/drops`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: 'Viral drop',
          stock: 500,
          priceCents: 2500,
          currency: 'EUR',
          durationSec: 3600,
          checkoutUrl: 'https://shop.example.com/c',
        }),
      })
    ).json()) as { id: number };
    const links = await Promise.all(
      TOUCHPOINTS.map(async (touchpoint) => {
        const res = await fetch(`${core.url}/api/drops/${drop.id}/links`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ touchpoint, ttlSec: 86400 }),
        });
        return (await res.json()) as { code: string };
      }),
    );
    const tpIds = TOUCHPOINTS.map((key) => services.touchpoints.findByKey(key)?.id ?? 0);

    // Seed through the real recorder (hashing, dedup, rollup): 1 M scans over one hour.
    const seedStart = performance.now();
    for (let i = 0; i < CLICKS;) {
      const batch: Array<Promise<void>> = [];
      for (let j = 0; j < 1000 && i < CLICKS; j++, i++) {
        clock.t = Date.UTC(2026, 10, 21, 18, 0, 0) + Math.floor((i / CLICKS) * 3600_000);
        const k = i % TOUCHPOINTS.length;
        batch.push(
          new Promise<void>((done) =>
            services.clicks.record(
              {
                code: links[k].code,
                dropId: drop.id,
                touchpointId: tpIds[k],
                via: k < 3 ? 'qr' : 'link',
                ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i % 200}`,
                userAgent: 'Mozilla/5.0 (iPhone) Mobile Safari/604.1',
                bot: i % 50 === 0,
              },
              done,
            ),
          ),
        );
      }
      await Promise.all(batch);
    }
    const seedSec = (performance.now() - seedStart) / 1000;

    const timeIt = async (run: () => unknown, n: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b);
    };

    const statsUrl = `${core.url}/api/drops/${drop.id}/stats`;
    const api = await timeIt(() => getJson(statsUrl, headers), 100);
    const rows = ((await getJson(statsUrl, headers)) as { rows: unknown[] }).rows.length;
    const raw = services.db.prepare(`
      SELECT (at / 60000) * 60000 AS minute, touchpoint_id, count(*) AS clicks, sum(is_unique) AS unique_clicks
      FROM clicks WHERE drop_id = ? AND is_bot = 0 GROUP BY minute, touchpoint_id`);
    const scan = await timeIt(() => raw.all(drop.id), 5);
    const stored = (services.db.prepare('SELECT count(*) AS n FROM clicks').get() as { n: number }).n;

    return [
      `stats on ${stored.toLocaleString('en')} recorded scans (${rows} minute×touchpoint rows; seeded through the recorder in ${seedSec.toFixed(1)} s):`,
      `  GET /api/drops/:id/stats   p50 ${pct(api, 0.5).toFixed(2)} ms, p99 ${pct(api, 0.99).toFixed(2)} ms (target < 50 ms)`,
      `  baseline: GROUP BY over the click log   p50 ${pct(scan, 0.5).toFixed(0)} ms — the rollup answers ${(pct(scan, 0.5) / pct(api, 0.5)).toFixed(0)}× faster`,
    ];
  } finally {
    await core.close();
    dir.remove();
  }
}
