import type { StoreHealth } from '../../../shared/hub-events';
import { formatClockTime } from '../lib/format';

/**
 * Shown while scans can't be written: viewers still reach the checkout and their scans wait in
 * memory for a retry, but the host must know (free disk space, close whatever locks the file).
 */
export function StoreAlarm({ store }: { store: StoreHealth | null }) {
  if (!store || store.state === 'ok') return null;
  return (
    <div className="banner banner--alarm" role="alert">
      <strong>Scans are not being saved</strong> since{' '}
      {store.since ? formatClockTime(store.since) : 'just now'}: {store.pendingScans} waiting to be written,
      retried every few seconds
      {store.droppedScans > 0 ? `, ${store.droppedScans} lost` : ''}. Viewers still reach the checkout.
      {store.lastError ? <span className="muted"> ({store.lastError})</span> : null}
    </div>
  );
}
