import type { ObsConnectionState, ObsStatus } from '../../../shared/obs';

export interface StatusPatch {
  state: ObsConnectionState;
  url: string;
  message: string | null;
  nextRetryAt: number | null;
  /** Given on connect; otherwise the last known versions of the same OBS are kept. */
  versions?: { obsVersion: string | null; websocketVersion: string | null };
}

/**
 * The next status to publish, or null when nothing a host could see changed (so a reconnect loop
 * does not spam the hub). `since` survives retries: it says how long OBS has been in this state.
 */
export function nextStatus(prev: ObsStatus, patch: StatusPatch, now: number): ObsStatus | null {
  const sameObs = prev.url === patch.url;
  const versions = patch.versions ?? {
    obsVersion: sameObs ? prev.obsVersion : null,
    websocketVersion: sameObs ? prev.websocketVersion : null,
  };
  const next: ObsStatus = {
    state: patch.state,
    url: patch.url,
    message: patch.message,
    ...versions,
    nextRetryAt: patch.nextRetryAt,
    since: prev.state === patch.state && sameObs ? prev.since : now,
  };
  const unchanged = (Object.keys(next) as Array<keyof ObsStatus>).every((k) => next[k] === prev[k]);
  return unchanged ? null : next;
}

export function initialStatus(url: string, now: number): ObsStatus {
  return {
    state: 'disconnected',
    url,
    message: 'Not connected to OBS yet.',
    obsVersion: null,
    websocketVersion: null,
    nextRetryAt: null,
    since: now,
  };
}
