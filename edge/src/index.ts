import { looksLikeBot } from '../../electron/core/clicks/bot-filter';
import { linkProblemPage, PAGE_HEADERS } from '../../electron/core/http/pages/link-problem-page';
import { PublishSchema, PullQuerySchema, type RelayInfo } from '../../shared/relay';
import { verifyRequest } from './auth';
import type { ScanShard } from './scan-shard';
import { shardCount, shardName, shardOf } from './shard-of';

export { ScanShard } from './scan-shard';

const CODE = /^[0-9A-Za-z]{8,32}$/;
const QR_MARK = /(?:^|&)s=qr(?:&|$)/;
const MAX_BODY = 2 * 1024 * 1024;

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
const problem = (status: number, error: string, message: string): Response =>
  json(status, { error, message });

const shard = (env: Env, i: number): DurableObjectStub<ScanShard> =>
  env.SHARDS.get(env.SHARDS.idFromName(shardName(i)));

/**
 * `/r/:code` — answered at the edge, recorded in the code's shard before the redirect goes out.
 * Unknown, expired, revoked, sold-out and ended codes get the laptop's own friendly pages.
 */
async function scan(req: Request, url: URL, env: Env): Promise<Response> {
  const code = url.pathname.slice(3).replace(/\/$/, '');
  const head = req.method === 'HEAD';
  const userAgent = req.headers.get('user-agent') ?? '';
  const bot = looksLikeBot(userAgent, req.method);
  if (!CODE.test(code)) {
    const page = linkProblemPage('unknown');
    return new Response(head ? null : page.html, { status: page.status, headers: PAGE_HEADERS });
  }
  const via = QR_MARK.test(url.search.slice(1)) ? 'qr' : 'link';
  // The IP goes to the shard inside Cloudflare only to be hashed; it is never stored or sent on.
  const ip = req.headers.get('cf-connecting-ip') ?? '';
  const answer = await shard(env, shardOf(code, shardCount(env))).scan(code, via, ip, userAgent, bot);
  if ('redirect' in answer) {
    return new Response(null, {
      status: 302,
      headers: { location: answer.redirect, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    });
  }
  const page = linkProblemPage(answer.problem, answer.next);
  return new Response(head ? null : page.html, { status: page.status, headers: PAGE_HEADERS });
}

/** `/v1/*`: the laptop's signed channel. */
async function api(req: Request, url: URL, env: Env): Promise<Response> {
  const body = req.method === 'GET' ? '' : await req.text();
  if (body.length > MAX_BODY) return problem(413, 'too_large', 'Body over 2 MB; publish in smaller parts.');
  const now = Date.now();
  const verified = await verifyRequest(req, body, env.RELAY_SECRET, now);
  if (!verified.ok) return problem(401, 'unauthorized', verified.reason);
  const shards = shardCount(env);
  const pullQuery =
    url.pathname === '/v1/scans' ? PullQuerySchema.safeParse(Object.fromEntries(url.searchParams)) : null;
  // Nonces are kept by the shard the request concerns (shard 0 for the others).
  const nonceShard = pullQuery?.success ? pullQuery.data.shard % shards : 0;
  if (await shard(env, nonceShard).seen(verified.signature, now)) {
    return problem(401, 'replayed', 'This request was already received.');
  }

  if (url.pathname === '/v1/info' && req.method === 'GET') {
    const info: RelayInfo = { shards, time: now, batching: env.BATCH_WRITES !== '0' };
    return json(200, info);
  }
  if (url.pathname === '/v1/scans' && req.method === 'GET' && pullQuery) {
    if (!pullQuery.success)
      return problem(400, 'bad_request', pullQuery.error.issues[0]?.message ?? 'bad query');
    const q = pullQuery.data;
    if (q.shard >= shards) return problem(400, 'bad_request', `shard must be below ${shards}`);
    return json(200, await shard(env, q.shard).pull(q.shard, q.after, q.limit));
  }
  if (url.pathname === '/v1/publish' && req.method === 'POST') {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return problem(400, 'bad_request', 'Body is not JSON.');
    }
    const parsed = PublishSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return problem(400, 'bad_request', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    const p = parsed.data;
    // Links go to their code's shard; drop states, the next drop and salts to every shard.
    const byShard = Array.from({ length: shards }, () => [] as typeof p.links);
    for (const l of p.links) byShard[shardOf(l.code, shards)].push(l);
    await Promise.all(
      byShard.map((links, i) =>
        shard(env, i).publish({ links, drops: p.drops, next: p.next, salts: p.salts }),
      ),
    );
    return json(200, { ok: true, links: p.links.length, drops: p.drops.length, salts: p.salts.length });
  }
  return problem(404, 'not_found', `No ${req.method} ${url.pathname} on the relay.`);
}

export default {
  async fetch(req, env): Promise<Response> {
    const url = new URL(req.url);
    try {
      if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/r/'))
        return await scan(req, url, env);
      if (url.pathname.startsWith('/v1/')) return await api(req, url, env);
      if (url.pathname === '/')
        return new Response('DropDeck relay\n', { headers: { 'content-type': 'text/plain' } });
      return problem(404, 'not_found', 'Nothing here.');
    } catch (error) {
      // A scan that could not be stored is not answered with a redirect: the laptop would never see it.
      return problem(503, 'unavailable', `The relay could not handle this right now: ${String(error)}`);
    }
  },
} satisfies ExportedHandler<Env>;
