import type { Drop } from '../../shared/drops';
import { startCore, type CoreHandle, type StartOptions } from '../../electron/core/app';
import { tempDir } from './temp-dir';

export const TEST_TOKEN = 'test-host-token-0123456789';

export interface TestCore {
  core: CoreHandle;
  url: string;
  dataDir: string;
  /** fetch against the core with the host token (pass `token: null` to send none). */
  api(path: string, init?: RequestInit & { json?: unknown; token?: string | null }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Starts a real core (real SQLite file in a temp dir, real HTTP on a loopback port). Tests then talk
 * to it only over HTTP/socket.io, as the control panel does.
 */
export async function startTestCore(
  options: StartOptions & { keepDataDir?: string } = {},
): Promise<TestCore> {
  const dir = options.keepDataDir ? null : tempDir();
  const dataDir = options.keepDataDir ?? dir!.path;
  const core = await startCore({
    port: 0,
    host: '127.0.0.1',
    hostToken: TEST_TOKEN,
    rendererDir: null,
    ...options,
    dataDir,
    // Viewers in tests come from many addresses through loopback, as behind a tunnel; security tests
    // that need no proxy set DROPDECK_TRUSTED_PROXIES to '' themselves.
    env: { DROPDECK_TRUSTED_PROXIES: '127.0.0.1,::1,::ffff:127.0.0.1', ...options.env, DROPDECK_QUIET: '1' },
  });
  return {
    core,
    url: core.url,
    dataDir,
    api(path, init = {}) {
      const { json, token = TEST_TOKEN, headers, ...rest } = init;
      const h = new Headers(headers);
      if (token) h.set('authorization', `Bearer ${token}`);
      if (json !== undefined) h.set('content-type', 'application/json');
      return fetch(core.url + path, {
        ...rest,
        headers: h,
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
    },
    async stop() {
      await core.close();
      dir?.remove();
    },
  };
}

export const sampleDrop = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Glow mug',
  stock: 10,
  priceCents: 2500,
  currency: 'EUR',
  durationSec: 300,
  checkoutUrl: 'https://shop.example.com/checkout/glow-mug?variant=1',
  ...over,
});

/** Creates a drop from `sampleDrop(over)` and starts it, over HTTP. */
export async function startLiveDrop(t: TestCore, over: Record<string, unknown> = {}): Promise<Drop> {
  const created = (await (
    await t.api('/api/drops', { method: 'POST', json: sampleDrop(over) })
  ).json()) as Drop;
  const res = await t.api(`/api/drops/${created.id}/start`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`could not start drop ${created.id}: ${await res.text()}`);
  return (await res.json()) as Drop;
}
