const encoder = new TextEncoder();

/**
 * The laptop's visitor id, byte for byte: SHA-256(salt ‖ utf8(ip + "\n" + userAgent)), first 16
 * bytes. Only this leaves the edge; the IP and user agent never do.
 */
export async function visitorId(salt: Uint8Array, ip: string, userAgent: string): Promise<Uint8Array> {
  const who = encoder.encode(ip + '\n' + userAgent);
  const data = new Uint8Array(salt.length + who.length);
  data.set(salt, 0);
  data.set(who, salt.length);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data)).slice(0, 16);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export const utcDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);
