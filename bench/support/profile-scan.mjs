// Profiles the scan path: `node bench/support/profile-scan.mjs` starts the core under --cpu-prof,
// puts 10 s of wrk load on /r/:code and prints the top self-time functions of the profile.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dropdeck-prof-'));
const token = 'profile-token-0123456789abcdef';
const child = spawn(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    '--import',
    'tsx',
    'electron/core/serve.ts',
    '--data-dir',
    dir,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
  ],
  {
    cwd: root,
    // As the bench's starter (tests/support/core-process.ts): X-Forwarded-For from loopback is believed,
    // so the load comes from 5,000 distinct viewers rather than one address.
    env: {
      ...process.env,
      DROPDECK_HOST_TOKEN: token,
      DROPDECK_QUIET: '1',
      DROPDECK_TRUSTED_PROXIES: '127.0.0.1,::1,::ffff:127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((done) =>
  child.stdout.on('data', (d) => {
    const m = /ready on (http:\/\/\S+)/.exec(d.toString());
    if (m) done(m[1]);
  }),
);
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const post = async (path, body) =>
  (await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) })).json();
const drop = await post('/api/drops', {
  title: 'P',
  stock: 10,
  priceCents: 100,
  currency: 'EUR',
  durationSec: 600,
  checkoutUrl: 'https://shop.example.com/c',
});
const link = await post(`/api/drops/${drop.id}/links`, { touchpoint: 'stream' });
const lua = fileURLToPath(new URL('./vary-visitor.lua', import.meta.url));
execFileSync('wrk', ['-t1', '-c50', '-d10s', '-s', lua, `${url}/r/${link.code}?s=qr`], { stdio: 'inherit' });
child.kill('SIGINT');
await new Promise((done) => child.once('exit', done));

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const self = new Map();
const dt = new Map();
prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
let total = 0;
for (const n of prof.nodes) {
  const t = dt.get(n.id) ?? 0;
  total += t;
  const cf = n.callFrame;
  const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + t);
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30));
for (const [k, t] of top) console.log(`${((t / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
console.log(`profile: ${join(dir, file)}`);
