import { hostname, networkInterfaces } from 'node:os';

/** Re-read the machine's addresses at most this often when an unknown Host shows up (Wi-Fi changes). */
const REFRESH_MS = 5_000;

/**
 * DNS-rebinding guard: a web page elsewhere can point its own name at 127.0.0.1 or this laptop's LAN
 * address and script requests to us with *its* name in `Host`. Only names that really mean this
 * machine are served: loopback, this machine's interface addresses and host name, and the configured
 * public URL's host (a tunnel).
 */
export class AllowedHosts {
  private names = new Set<string>();
  private readAt = 0;

  constructor(
    private readonly extra: () => string[],
    private readonly now: () => number = Date.now,
  ) {
    this.refresh();
  }

  allows(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const name = hostOnly(hostHeader);
    if (this.names.has(name)) return true;
    if (this.now() - this.readAt < REFRESH_MS) return false;
    this.refresh();
    return this.names.has(name);
  }

  private refresh(): void {
    const names = new Set(['localhost', '127.0.0.1', '::1']);
    for (const addrs of Object.values(networkInterfaces())) {
      for (const a of addrs ?? []) names.add(a.address.toLowerCase());
    }
    const me = hostname().toLowerCase();
    names.add(me);
    names.add(`${me}.local`);
    for (const h of this.extra()) names.add(h.toLowerCase());
    this.names = names;
    this.readAt = this.now();
  }
}

/** `Host` without its port, lower-cased, IPv6 brackets removed: `[::1]:4800` → `::1`. */
export function hostOnly(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** The host names in URLs DropDeck is configured to be reached at (public URL, relay…). */
export function hostsOf(urls: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const u of urls) {
    if (!u) continue;
    try {
      out.push(hostOnly(new URL(u).host));
    } catch {
      // A malformed configured URL names no host; config validation reports it elsewhere.
    }
  }
  return out;
}
