import type { ObsConnectionState, ObsStatus } from '../../../shared/obs';

const LABELS: Record<ObsConnectionState, string> = {
  disconnected: 'OBS: not connected',
  connecting: 'OBS: connecting…',
  connected: 'OBS: connected',
  'auth-failed': 'OBS: wrong password',
  kicked: 'OBS: disconnected by OBS',
};

export function ObsStatusPill({ status }: { status: ObsStatus | null }) {
  const state = status?.state ?? 'disconnected';
  const detail = [status?.message, status?.obsVersion && `OBS ${status.obsVersion}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className={`pill pill--${state}`} title={detail || undefined}>
      {LABELS[state]}
    </span>
  );
}
