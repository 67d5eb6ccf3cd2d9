import type { RelayStatus } from '../../../shared/relay';

const LABELS: Record<RelayStatus['state'], string> = {
  off: '',
  connecting: 'Relay: connecting…',
  ok: 'Relay: in sync',
  offline: 'Relay: unreachable',
};

/** The edge relay at a glance, with how far behind its scans are (only when one is configured). */
export function RelayPill({ relay }: { relay: RelayStatus | null }) {
  if (!relay || !relay.configured) return null;
  const lag = relay.lagMs === null ? null : Math.round(relay.lagMs / 1000);
  const text =
    relay.state === 'ok' && lag !== null && lag > 5 ? `Relay: ${lag} s behind` : LABELS[relay.state];
  return (
    <span className={`pill pill--relay-${relay.state}`} title={relay.lastError ?? relay.url ?? undefined}>
      {text}
    </span>
  );
}
