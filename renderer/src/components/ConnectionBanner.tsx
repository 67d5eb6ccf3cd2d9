import { useEffect, useState } from 'react';
import type { HubOutage, HubStatus } from '../api/useHub';
import { formatAway } from '../api/wake-detector';

const TEXT: Record<HubStatus, string> = {
  connecting: 'Connecting to DropDeck…',
  connected: 'Live: updates arrive in real time',
  reconnecting: 'Connection lost — reconnecting… (buttons still work once DropDeck is back)',
  refused: 'DropDeck refused this host token.',
};

/** How long "back online" stays up before the banner returns to its quiet self. */
const BACK_NOTICE_MS = 10_000;

function outageText(status: HubStatus, outage: HubOutage | null, showBack: boolean): string {
  if (status === 'reconnecting' && outage?.sleptMs != null) {
    return `This device was asleep for ${formatAway(outage.sleptMs)} — reconnecting to DropDeck…`;
  }
  if (status === 'connected' && outage?.backAt != null && showBack) {
    const away = outage.sleptMs ?? outage.backAt - outage.since;
    const why = outage.sleptMs != null ? 'asleep' : 'disconnected';
    return `Back online after ${formatAway(away)} ${why} — everything on screen is up to date.`;
  }
  return TEXT[status];
}

/** Always visible, so a host never acts on a stale screen without knowing it. */
export function ConnectionBanner({ status, outage }: { status: HubStatus; outage: HubOutage | null }) {
  const backAt = outage?.backAt ?? null;
  const [hiddenFor, setHiddenFor] = useState<number | null>(null);
  useEffect(() => {
    if (backAt === null) return;
    const timer = window.setTimeout(() => setHiddenFor(backAt), BACK_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [backAt]);
  return (
    <div className={`banner banner--${status}`} role="status" aria-live="polite">
      {outageText(status, outage, backAt !== null && hiddenFor !== backAt)}
    </div>
  );
}
