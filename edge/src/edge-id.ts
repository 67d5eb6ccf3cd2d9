/**
 * A scan's edge id: the time in base 36 (9 characters, sorts as the time does until the year 5188)
 * followed by 64 random bits. Unique across shards and relays like a UUID, but time-ordered, so the
 * laptop's unique index on it grows at its end instead of touching a random page per scan (measured:
 * twice the ingest rate of random UUIDs).
 */
export function newEdgeId(now: number): string {
  const random = crypto.getRandomValues(new Uint8Array(8));
  let hex = '';
  for (const b of random) hex += b.toString(16).padStart(2, '0');
  return now.toString(36).padStart(9, '0') + hex;
}
