export const DEFAULT_SHARDS = 8;

/** Shard count from the environment, clamped to something sane. */
export function shardCount(env: Env): number {
  const n = Number(env.SHARD_COUNT ?? DEFAULT_SHARDS);
  return Number.isInteger(n) && n >= 1 && n <= 1024 ? n : DEFAULT_SHARDS;
}

/**
 * FNV-1a over the code: stable across deploys and isolates, so a code's scans and its link always
 * live in the same shard, and one viral code is one shard's load while a show's many codes
 * (rotation, touchpoints) spread over all of them.
 */
export function shardOf(code: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export const shardName = (i: number): string => `shard-${i}`;
