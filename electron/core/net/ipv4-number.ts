/**
 * An IPv4 address in its one canonical spelling as a 32-bit integer (a key V8 compares without
 * reading a string: a burst's memo lookups are cache misses); undefined for anything else, which
 * stays a string key. Only the canonical form: "010.0.0.1" hashes differently from "10.0.0.1", so
 * the two must not share an entry.
 */
export function ipv4Number(ip: string): number | undefined {
  if (ip.length < 7 || ip.length > 15) return undefined;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = (value << 8) | octet;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return undefined; // a leading zero
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return (value << 8) | octet;
}
