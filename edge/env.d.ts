import type { ScanShard } from './src/scan-shard';

declare global {
  /** Bindings from wrangler.jsonc (and Miniflare in tests/benches). */
  interface Env {
    SHARDS: DurableObjectNamespace<ScanShard>;
    /** Shared with the laptop (`DROPDECK_RELAY_SECRET`); set with `wrangler secret put RELAY_SECRET`. */
    RELAY_SECRET: string;
    /** How many shards scans spread over (by code). Changing it later strands unsynced scans. */
    SHARD_COUNT?: string;
    /** "0" writes every scan on its own (bench comparison); anything else batches per shard. */
    BATCH_WRITES?: string;
  }
}
