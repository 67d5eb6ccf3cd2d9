import type { IncomingMessage } from 'node:http';

/**
 * The caller's address. `X-Forwarded-For` is believed only from a proxy the host configured
 * (`DROPDECK_TRUSTED_PROXIES`, e.g. a tunnel's local end), never merely because a request came from
 * loopback: anything on this laptop could otherwise pose as any viewer or dodge the login throttle.
 * Behind a trusted proxy, the last hop it appended is the one it saw.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = req.socket.remoteAddress ?? '';
  const forwarded = req.headers['x-forwarded-for'];
  if (trustedProxies.size === 0 || !trustedProxies.has(peer) || typeof forwarded !== 'string') return peer;
  // The last hop without splitting the header into an array (this runs on every scan).
  return forwarded.slice(forwarded.lastIndexOf(',') + 1).trim() || peer;
}
