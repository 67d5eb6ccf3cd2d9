import type { HubStatus } from '../api/useHub';

const TEXT: Record<HubStatus, string> = {
  connecting: 'Connecting to DropDeck…',
  connected: 'Live: updates arrive in real time',
  reconnecting: 'Connection lost — reconnecting… (buttons still work once DropDeck is back)',
  refused: 'DropDeck refused this host token.',
};

/** Always visible, so a host never acts on a stale screen without knowing it. */
export function ConnectionBanner({ status }: { status: HubStatus }) {
  return (
    <div className={`banner banner--${status}`} role="status" aria-live="polite">
      {TEXT[status]}
    </div>
  );
}
