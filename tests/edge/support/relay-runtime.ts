import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../support/temp-dir';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** ≤ the installed workerd's own date (the runtime refuses later ones). */
export const COMPATIBILITY_DATE = '2026-04-01';
export const RELAY_SECRET = 'relay-test-secret-0123456789abcdef';

export interface RelayRuntime {
  mf: Miniflare;
  /** A real loopback port: the laptop core and wrk reach the relay over HTTP. */
  url: string;
  stop(): Promise<void>;
}

/** Bundles the worker like `wrangler deploy` would (esbuild, ESM, `cloudflare:*` left to the runtime). */
export async function bundleWorker(entry = 'edge/src/index.ts'): Promise<string> {
  const out = tempDir('dropdeck-edge-build-');
  const file = join(out.path, 'worker.mjs');
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['cloudflare:*'],
    logLevel: 'silent',
  });
  return file;
}

/**
 * The relay on the local Workers runtime (workerd through Miniflare), with its Durable Objects on
 * SQLite. `persist` puts their storage on disk (each commit then really reaches the file system).
 */
export async function startRelay(
  opts: {
    shards?: number;
    batching?: boolean;
    persist?: boolean;
    secret?: string;
    /** Another worker (a bench baseline) without the relay's Durable Objects. */
    script?: string;
  } = {},
): Promise<RelayRuntime> {
  const scriptPath = opts.script ?? (await bundleWorker());
  const store = opts.persist ? tempDir('dropdeck-edge-do-') : null;
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    // Module names are relative to this; the bundle lives in a temp dir outside the checkout.
    modulesRoot: dirname(scriptPath),
    compatibilityDate: COMPATIBILITY_DATE,
    host: '127.0.0.1',
    port: 0,
    durableObjects: opts.script ? {} : { SHARDS: { className: 'ScanShard', useSQLite: true } },
    durableObjectsPersist: store?.path ?? false,
    bindings: {
      RELAY_SECRET: opts.secret ?? RELAY_SECRET,
      SHARD_COUNT: String(opts.shards ?? 4),
      BATCH_WRITES: opts.batching === false ? '0' : '1',
    },
  });
  const url = (await mf.ready).toString().replace(/\/$/, '');
  return {
    mf,
    url,
    async stop() {
      await mf.dispose();
      store?.remove();
    },
  };
}
