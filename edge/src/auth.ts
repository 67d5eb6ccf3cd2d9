import { canonicalRequest, RELAY_HEADERS, REPLAY_WINDOW_MS } from '../../shared/relay';

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    keys.set(secret, k);
  }
  return k;
}

function fromHex(hex: string): Uint8Array | null {
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export type Verified = { ok: true; signature: string; timestamp: number } | { ok: false; reason: string };

/**
 * Checks the HMAC over method, path (with query), timestamp, nonce and body, and the replay window.
 * `crypto.subtle.verify` compares in constant time. The nonce check is the caller's (it needs storage).
 */
export async function verifyRequest(
  req: Request,
  body: string,
  secret: string,
  now: number,
): Promise<Verified> {
  if (!secret) return { ok: false, reason: 'the relay has no RELAY_SECRET set' };
  const ts = req.headers.get(RELAY_HEADERS.timestamp) ?? '';
  const nonce = req.headers.get(RELAY_HEADERS.nonce) ?? '';
  const sig = fromHex(req.headers.get(RELAY_HEADERS.signature) ?? '');
  const timestamp = Number(ts);
  if (!sig || !/^\d{1,16}$/.test(ts) || !/^[0-9A-Za-z_-]{16,64}$/.test(nonce)) {
    return { ok: false, reason: 'missing or malformed signature headers' };
  }
  if (Math.abs(now - timestamp) > REPLAY_WINDOW_MS)
    return { ok: false, reason: 'timestamp outside the replay window' };
  const url = new URL(req.url);
  const data = encoder.encode(canonicalRequest(req.method, url.pathname + url.search, ts, nonce, body));
  const valid = await crypto.subtle.verify('HMAC', await key(secret), sig, data);
  return valid ? { ok: true, signature: nonce, timestamp } : { ok: false, reason: 'bad signature' };
}
