import { useEffect, useState } from 'react';
import type { Device, Pairing } from '../../../shared/devices';
import { usePanel } from '../api/panel-context';
import { DeviceRow } from '../audit/DeviceRow';
import { activeFirst } from '../audit/device-status';
import type { DevicesData } from '../audit/useDevices';
import { formatClockTime } from '../lib/format';
import { ActionError } from './ActionError';
import { QrCanvas } from './QrCanvas';
import { LoadFailed } from './LoadFailed';

/** How often the list is re-read while a pairing QR is up, so the new phone shows up by itself. */
const PAIRING_POLL_MS = 3_000;

interface Props {
  data: DevicesData;
  /** The device this panel runs on (null for the host token). */
  myDeviceId: number | null;
  /** A device was paired, renamed or revoked: the audit log has news. */
  onChanged: () => void;
}

/**
 * The host's devices: a pairing QR for a co-host's phone (one-time code, five minutes), the paired
 * devices with role and last-seen time, rename, and revoke — which cuts a device off at once.
 */
export function DevicesPanel({ data, myDeviceId, onChanged }: Props) {
  const { api, serverNow } = usePanel();
  const { devices, state, error: loadError, reload } = data;
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The devices there were when the code was made: one more means the code was used (it works once).
  const [known, setKnown] = useState<ReadonlySet<number> | null>(null);
  const paired: Device | null = known ? (devices.find((d) => !known.has(d.id)) ?? null) : null;
  const waiting = pairing !== null && paired === null;
  const now = serverNow();
  const expired = pairing !== null && pairing.expiresAt <= now;
  const polling = waiting && !expired;

  // While the QR is up, re-read the list so the new phone shows up without the host doing anything.
  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(() => void reload(), PAIRING_POLL_MS);
    return () => window.clearInterval(timer);
  }, [polling, reload]);

  const pairedId = paired?.id;
  useEffect(() => {
    if (pairedId !== undefined) onChanged();
  }, [pairedId, onChanged]);

  const pair = async (): Promise<void> => {
    setError(null);
    const result = await api.call('device:pairing', { role: 'cohost' });
    if (!result.ok) return setError(result.error.message);
    setKnown(new Set(devices.map((d) => d.id)));
    setPairing(result.value);
    onChanged();
  };

  const changed = (): void => {
    void reload();
    onChanged();
  };

  return (
    <section className="card devices" aria-label="Devices">
      <h2>Devices</h2>
      <div className="controls__row">
        <button type="button" className="button button--primary" onClick={() => void pair()}>
          {waiting ? 'New pairing code' : 'Pair a co-host phone'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <ActionError error={error} />
      {paired && paired.revokedAt === null && (
        <p className="devices__paired" role="status">
          Paired: {paired.name} is signed in as {paired.role === 'host' ? 'a host' : 'a co-host'}.
        </p>
      )}
      {pairing && waiting && (
        <div className="link-result devices__pairing">
          <QrCanvas text={pairing.url} size={200} />
          <div className="link-result__text">
            <p>
              Scan with the co-host’s phone, or type <strong className="code">{pairing.code}</strong> on its
              sign-in screen.
            </p>
            <p className={expired ? 'action-error' : 'muted'}>
              {expired
                ? 'This code has expired: make a new one.'
                : `Works once, until ${formatClockTime(pairing.expiresAt)}. This list updates when the phone pairs.`}
            </p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setPairing(null);
                setKnown(null);
              }}
            >
              Hide code
            </button>
          </div>
        </div>
      )}
      {state === 'loading' && <p className="muted">Loading devices…</p>}
      {state === 'error' && (
        <LoadFailed what="the devices" message={loadError ?? ''} onRetry={() => void reload()} />
      )}
      {state === 'ready' && devices.length === 0 && (
        <p className="muted">No devices paired yet. Pair a co-host’s phone to let them run drops with you.</p>
      )}
      {devices.length > 0 && (
        <ul className="device-rows" aria-label="Paired devices">
          {activeFirst(devices).map((d) => (
            <DeviceRow key={d.id} device={d} isMe={d.id === myDeviceId} now={now} onChanged={changed} />
          ))}
        </ul>
      )}
    </section>
  );
}
