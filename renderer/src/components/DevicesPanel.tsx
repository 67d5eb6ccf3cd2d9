import { useCallback, useEffect, useState } from 'react';
import type { Device, Pairing } from '../../../shared/devices';
import { usePanel } from '../api/panel-context';
import { formatClockTime } from '../lib/format';
import { ActionError } from './ActionError';
import { QrCanvas } from './QrCanvas';

/**
 * The host's devices: a pairing QR for a co-host's phone (one-time code, five minutes), the paired
 * devices with role and last-seen time, and revoke — which cuts a device off at once.
 */
export function DevicesPanel() {
  const { api } = usePanel();
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [devices, setDevices] = useState<Device[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await api.call('device:list', {});
    if (result.ok) setDevices(result.value);
    else setError(result.error.message);
  }, [api]);

  useEffect(() => {
    let live = true;
    void api.call('device:list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setDevices(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const pair = async (): Promise<void> => {
    setError(null);
    const result = await api.call('device:pairing', { role: 'cohost' });
    if (result.ok) setPairing(result.value);
    else setError(result.error.message);
  };

  const revoke = async (device: Device): Promise<void> => {
    if (!window.confirm(`Revoke “${device.name}”? It is signed out at once.`)) return;
    const result = await api.call('device:revoke', { id: device.id });
    if (!result.ok) setError(result.error.message);
    await reload();
  };

  return (
    <section className="card devices" aria-label="Devices">
      <h2>Devices</h2>
      <div className="controls__row">
        <button type="button" className="button" onClick={() => void pair()}>
          Pair a co-host phone
        </button>
        <button type="button" className="button button--quiet" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <ActionError error={error} />
      {pairing && (
        <div className="link-result">
          <QrCanvas text={pairing.url} size={200} />
          <div className="link-result__text">
            <p>
              Scan with the co-host’s phone, or type <strong className="code">{pairing.code}</strong> on its
              sign-in screen.
            </p>
            <p className="muted">Works once, until {formatClockTime(pairing.expiresAt)}.</p>
          </div>
        </div>
      )}
      <ul className="device-list">
        {devices.map((d) => (
          <li key={d.id} className={d.revokedAt ? 'device device--revoked' : 'device'}>
            <span className="device__name">{d.name}</span>
            <span className="muted">
              {d.role === 'host' ? 'Host' : 'Co-host'} ·{' '}
              {d.revokedAt
                ? `revoked ${formatClockTime(d.revokedAt)}`
                : d.lastSeenAt
                  ? `seen ${formatClockTime(d.lastSeenAt)}`
                  : 'not seen yet'}
            </span>
            {!d.revokedAt && (
              <button type="button" className="button button--quiet" onClick={() => void revoke(d)}>
                Revoke {d.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
