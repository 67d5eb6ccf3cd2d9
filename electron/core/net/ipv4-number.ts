import { isIPv4 } from 'node:net';

/**
 * An IPv4 address in its one canonical spelling as a 32-bit integer (a key V8 compares without
 * reading a string: a burst's memo lookups are cache misses); undefined for anything else, which
 * stays a string key. Only the canonical form (node's `isIPv4`: no leading zeros): "010.0.0.1"
 * hashes differently from "10.0.0.1", so the two must not share an entry.
 */
export function ipv4Number(ip: string): number | undefined {
  if (!isIPv4(ip)) return undefined;
  let value = 0;
  let octet = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46 /* . */) {
      value = (value << 8) | octet;
      octet = 0;
    } else {
      octet = octet * 10 + (c - 48);
    }
  }
  return (value << 8) | octet;
}
