import type { CoreConfig } from '../config';
import { RelayClient, type RelayClientDeps } from './relay-client';

/** The relay client when DROPDECK_RELAY_URL/SECRET are set, else null (scans go to this laptop only). */
export function startRelay(
  deps: Omit<RelayClientDeps, 'url' | 'secret' | 'syncMs'> & { config: CoreConfig },
): RelayClient | null {
  const { config, ...rest } = deps;
  if (!config.relayUrl || !config.relaySecret) return null;
  return new RelayClient({
    ...rest,
    url: config.relayUrl,
    secret: config.relaySecret,
    syncMs: config.relaySyncMs,
  });
}
