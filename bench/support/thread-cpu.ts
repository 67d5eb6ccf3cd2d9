// Per-thread CPU of the core under wrk load on /r/:code: `npx tsx bench/support/thread-cpu.ts`.
// Shows how much of the server's CPU time is its main thread (the scan path) and how much the rest.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCoreProcess } from '../../tests/support/core-process';
import { tempDir } from '../../tests/support/temp-dir';
import { runWrk } from './wrk';

const TOKEN = 'thread-cpu-token-0123456789abcdef';

function threads(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = /\((.*)\)/.exec(stat)?.[1] ?? '?';
      const f = stat.split(') ')[1].split(' ');
      out.set(`${tid} ${name}`, ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch {
      // thread gone
    }
  }
  return out;
}

const dir = tempDir('dropdeck-threads-');
const core = await startCoreProcess(dir.path, TOKEN);
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const post = async (path: string, body: unknown): Promise<Record<string, unknown>> =>
  (await (
    await fetch(core.url + path, { method: 'POST', headers, body: JSON.stringify(body) })
  ).json()) as Record<string, unknown>;
const drop = await post('/api/drops', {
  title: 'T',
  stock: 10,
  priceCents: 100,
  currency: 'EUR',
  durationSec: 600,
  checkoutUrl: 'https://shop.example.com/c',
});
const link = await post(`/api/drops/${String(drop.id)}/links`, { touchpoint: 'stream' });
const url = `${core.url}/r/${String(link.code)}?s=qr`;
await runWrk(url, { connections: 50, seconds: 2 });
const bare = spawn(
  process.execPath,
  [fileURLToPath(new URL('./bare-redirect-server.mjs', import.meta.url))],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const bareUrl = await new Promise<string>((done) =>
  bare.stdout.on('data', (d: Buffer) => {
    const m = /READY (\S+)/.exec(d.toString());
    if (m) done(m[1]);
  }),
);
await runWrk(bareUrl, { connections: 50, seconds: 1 });
const measure = async (name: string, target: string, pid: number): Promise<number> => {
  const before = threads(pid);
  const r = await runWrk(target, { connections: 50, seconds: Number(process.env.SECONDS ?? 5) });
  const after = threads(pid);
  console.log(`${name}: ${Math.round(r.requestsPerSec)} req/s, p99 ${r.p99Ms} ms, ${r.completed} requests`);
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (d > 0)
      console.log(`  ${k.padEnd(28)} ${((d * 1000) / r.completed).toFixed(2)} µs/request  (${d} ms)`);
  }
  return r.requestsPerSec;
};
for (let i = 0; i < Number(process.env.ROUNDS ?? 2); i++) {
  const b = await measure('bare', bareUrl, bare.pid ?? 0);
  const o = await measure('scan', url, core.child.pid ?? 0);
  console.log(`ratio ${((o / b) * 100).toFixed(1)} %`);
}
bare.kill('SIGKILL');
await core.kill('SIGTERM');
dir.remove();
