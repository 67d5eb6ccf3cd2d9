import type { ObsConnectionState, ObsStatus } from '../../../shared/obs';

const LABELS: Record<ObsConnectionState, string> = {
  disconnected: 'OBS: not connected',
  connecting: 'OBS: connecting…',
  connected: 'OBS: connected',
  'auth-failed': 'OBS: wrong password',
  kicked: 'OBS: disconnected by OBS',
};

/**
 * OBS at a glance in the top bar. A connection DropDeck lost and is retrying reads differently from
 * one nobody set up: mid-show, the first needs attention, the second does not.
 */
export function ObsStatusPill({ status }: { status: ObsStatus | null }) {
  const state = status?.state ?? 'disconnected';
  const retrying = state === 'disconnected' && status?.nextRetryAt != null;
  const detail = [status?.message, status?.obsVersion && `OBS ${status.obsVersion}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className={`pill pill--${retrying ? 'connecting' : state}`} title={detail || undefined}>
      {retrying ? 'OBS: offline, retrying…' : LABELS[state]}
    </span>
  );
}
