import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import type { DropStats } from '../shared/stats';
import { startCoreProcess } from '../tests/support/core-process';
import { tempDir } from '../tests/support/temp-dir';
import { cpuMs } from './support/proc-cpu';
import { haveWrk, runWrk, type WrkResult } from './support/wrk';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const TOKEN = 'bench-token-0123456789abcdef';

function startBareServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./support/bare-redirect-server.mjs', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((done) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /READY (\S+)/.exec(d.toString());
      if (m) done({ child, url: m[1] });
    });
  });
}

/** The round with the median throughput (its latencies come with it). */
function median(runs: WrkResult[]): WrkResult {
  return [...runs].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor(runs.length / 2)];
}

const fmt = (r: WrkResult): string =>
  `${Math.round(r.requestsPerSec).toLocaleString('en')} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms`;

/** Scan redirect vs a bare node:http 302 server, same machine, same load, same run. */
export async function benchRedirect(): Promise<string[]> {
  if (!haveWrk()) return ['redirect: skipped — wrk is not installed (apt-get install wrk)'];

  const bare = await startBareServer();
  const dir = tempDir('dropdeck-bench-');
  const core = await startCoreProcess(dir.path, TOKEN);
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const drop = (await (
    await fetch(`${core.url}/api/drops`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Bench',
        stock: 10,
        priceCents: 100,
        currency: 'EUR',
        durationSec: 600,
        checkoutUrl: 'https://shop.example.com/checkout',
      }),
    })
  ).json()) as { id: number };
  const link = (await (
    await fetch(`${core.url}/api/drops/${drop.id}/links`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ touchpoint: 'stream' }),
    })
  ).json()) as { code: string };
  const scanUrl = `${core.url}/r/${link.code}?s=qr`;

  // Alternate rounds so a noisy neighbour hurts both sides alike; report the median of each.
  await runWrk(bare.url, { connections: CONNECTIONS, seconds: 2 });
  let answered = (await runWrk(scanUrl, { connections: CONNECTIONS, seconds: 2 })).completed;
  const bases: WrkResult[] = [];
  const ourRuns: WrkResult[] = [];
  // Server CPU time per answered request (µs), summed over the rounds.
  const cpu = { bare: 0, bareN: 0, ours: 0, oursN: 0 };
  const measured = async (url: string, pid: number | undefined): Promise<[WrkResult, number | null]> => {
    const before = cpuMs(pid);
    const r = await runWrk(url, { connections: CONNECTIONS, seconds: SECONDS });
    const after = cpuMs(pid);
    return [r, before === null || after === null ? null : after - before];
  };
  for (let round = 0; round < ROUNDS; round++) {
    const [b, bCpu] = await measured(bare.url, bare.child.pid);
    bases.push(b);
    const [r, rCpu] = await measured(scanUrl, core.child.pid);
    answered += r.completed;
    ourRuns.push(r);
    if (bCpu !== null && rCpu !== null) {
      cpu.bare += bCpu;
      cpu.bareN += b.completed;
      cpu.ours += rCpu;
      cpu.oursN += r.completed;
    }
  }
  const base = median(bases);
  const ours = median(ourRuns);
  const stats = (await (
    await fetch(`${core.url}/api/drops/${drop.id}/stats`, { headers })
  ).json()) as DropStats;
  bare.child.kill('SIGKILL');
  await core.kill('SIGTERM');
  dir.remove();

  const stored = stats.rows.reduce((n, r) => n + r.clicks, 0);
  const ratio = ours.requestsPerSec / base.requestsPerSec;
  return [
    `redirect, ${CONNECTIONS} connections, median of ${ROUNDS} alternating ${SECONDS} s rounds (wrk, 1 thread):`,
    `  bare node:http 302      ${fmt(base)}`,
    `  DropDeck /r/:code       ${fmt(ours)}${ours.non3xx + ours.errors > 0 ? ` — ${ours.non3xx} non-3xx, ${ours.errors} socket errors` : ''}`,
    `  throughput ratio        ${(ratio * 100).toFixed(1)} % of bare (target ≥ 70 %)  p99 ${ours.p99Ms.toFixed(2)} ms (target < 25 ms)`,
    ...(cpu.bareN > 0
      ? [
          `  server CPU per request   bare ${((cpu.bare * 1000) / cpu.bareN).toFixed(1)} µs, DropDeck ${((cpu.ours * 1000) / cpu.oursN).toFixed(1)} µs` +
            ` (ratio ${((cpu.bare / cpu.bareN / (cpu.ours / cpu.oursN)) * 100).toFixed(1)} %: what throughput tends to when the machine is busy)`,
        ]
      : []),
    `  every answered scan stored: ${stored >= answered ? 'yes' : 'NO'} (${stored.toLocaleString('en')} stored ≥ ${answered.toLocaleString('en')} answered)`,
  ];
}
