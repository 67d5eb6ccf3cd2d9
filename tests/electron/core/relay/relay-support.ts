import type { Link } from '../../../../shared/links';
import type { DropStats } from '../../../../shared/stats';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { PHONE_UA } from '../../../support/scan';
import type { StartOptions } from '../../../../electron/core/app';
import { RELAY_SECRET, type RelayRuntime } from '../../../edge/support/relay-runtime';

export const SYNC_MS = 200;

/** A core that publishes to and pulls from `relay` every SYNC_MS. */
export function startRelayedCore(
  relay: RelayRuntime,
  options: StartOptions & { keepDataDir?: string } = {},
): Promise<TestCore> {
  return startTestCore({
    ...options,
    env: {
      DROPDECK_RELAY_URL: relay.url,
      DROPDECK_RELAY_SECRET: RELAY_SECRET,
      DROPDECK_RELAY_SYNC_MS: String(SYNC_MS),
    },
  });
}

/** A viewer's scan answered at the edge; the address is what Cloudflare would put in CF-Connecting-IP. */
export function edgeScan(relay: RelayRuntime, path: string, ip: string, ua = PHONE_UA): Promise<Response> {
  return fetch(relay.url + path, {
    redirect: 'manual',
    headers: { 'cf-connecting-ip': ip, 'user-agent': ua },
  });
}

export async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function totals(
  t: TestCore,
  dropId: number,
): Promise<{ clicks: number; unique: number; qr: number }> {
  const rows = ((await (await t.api(`/api/drops/${dropId}/stats`)).json()) as DropStats).rows;
  return {
    clicks: rows.reduce((n, r) => n + r.clicks, 0),
    unique: rows.reduce((n, r) => n + r.uniqueClicks, 0),
    qr: rows.reduce((n, r) => n + r.qrScans, 0),
  };
}

export async function newLink(t: TestCore, dropId: number, touchpoint = 'stream'): Promise<Link> {
  return (await (
    await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint } })
  ).json()) as Link;
}
