import type { ObsStatus } from '../../../shared/obs';

export type Tone = 'ok' | 'busy' | 'bad' | 'idle';

export interface StatusText {
  headline: string;
  tone: Tone;
  /** What happens next, or what the host can do about it. */
  hint: string | null;
}

/** The newer of two readings: the connect answer and the hub's patch can land in either order. */
export function newerStatus(a: ObsStatus | null, b: ObsStatus | null): ObsStatus | null {
  if (!a) return b;
  if (!b) return a;
  return b.since >= a.since ? b : a;
}

/** The OBS card's big line and the hint under it, from the core's status. */
export function describeObs(status: ObsStatus | null, now: number): StatusText {
  if (!status) return { headline: 'Checking OBS…', tone: 'idle', hint: null };
  switch (status.state) {
    case 'connected':
      return { headline: 'Connected', tone: 'ok', hint: null };
    case 'connecting':
      return { headline: 'Connecting…', tone: 'busy', hint: null };
    case 'auth-failed':
      return {
        headline: 'Wrong password',
        tone: 'bad',
        hint: 'In OBS: Tools → WebSocket Server Settings → Show Connect Info shows the password. DropDeck does not retry until you connect again.',
      };
    case 'kicked':
      return {
        headline: 'Disconnected by OBS',
        tone: 'bad',
        hint: 'OBS closed this connection on purpose (another client took over, or the server was turned off). Connect again when ready.',
      };
    case 'disconnected': {
      if (status.nextRetryAt === null) {
        return {
          headline: 'Not connected',
          tone: 'idle',
          hint: 'Enter the address from OBS: Tools → WebSocket Server Settings, then Connect.',
        };
      }
      const sec = Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000));
      return {
        headline: 'Not connected',
        tone: 'bad',
        hint: `DropDeck tries again ${sec > 0 ? `in ${sec} s` : 'now'}, until it connects or you press Disconnect.`,
      };
    }
  }
}
