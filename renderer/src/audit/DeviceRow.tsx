import { useState, type FormEvent } from 'react';
import type { Device } from '../../../shared/devices';
import { usePanel } from '../api/panel-context';
import { ActionError } from '../components/ActionError';
import { Field } from '../components/Field';
import { parseFieldErrors } from '../lib/field-errors';
import { useConfirm } from '../shell/confirm-context';
import { deviceStatus, roleLabel } from './device-status';

interface Props {
  device: Device;
  /** This browser is that device: revoking it signs this panel out too. */
  isMe: boolean;
  now: number;
  /** A change went through: the list and the audit log reload. */
  onChanged: () => void;
}

/** One paired device: name, role, last seen; rename in place; revoke behind a confirmation. */
export function DeviceRow({ device, isMe, now, onChanged }: Props) {
  const { api } = usePanel();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(device.name);
  const [nameError, setNameError] = useState<string | undefined>();
  // On main the shell has useConfirm() with this same signature: `const confirm = useConfirm();`.
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoked = device.revokedAt !== null;

  const rename = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const result = await api.call('device:rename', { id: device.id, name });
    setBusy(false);
    if (!result.ok) {
      const parsed = parseFieldErrors(result.error.message, ['name']);
      setNameError(parsed.fields.name);
      setError(parsed.general.length ? parsed.general.join('; ') : null);
      return;
    }
    setNameError(undefined);
    setError(null);
    setRenaming(false);
    onChanged();
  };

  const stopRenaming = (): void => {
    setRenaming(false);
    setName(device.name);
    setNameError(undefined);
  };

  const revoke = async (): Promise<void> => {
    const sure = await confirm({
      title: `Revoke “${device.name}”?`,
      body:
        'It is signed out at once, mid-show or not, and its token stops working. To use it again it must be paired anew with a fresh QR code.' +
        (isMe ? ' This is the device you are using: this panel signs out too.' : ''),
      confirmLabel: 'Revoke access',
      danger: true,
    });
    if (!sure) return;
    setBusy(true);
    const result = await api.call('device:revoke', { id: device.id });
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    onChanged();
  };

  return (
    <li className={revoked ? 'device-row device-row--revoked' : 'device-row'} aria-label={device.name}>
      <div className="device-row__who">
        <span className="device-row__name">{device.name}</span>
        <span className={`role-tag role-tag--${device.role}`}>{roleLabel(device.role)}</span>
        {isMe && <span className="role-tag">This device</span>}
      </div>
      <span
        className={revoked ? 'device-row__status device-row__status--revoked' : 'device-row__status muted'}
      >
        {deviceStatus(device, now)}
      </span>
      {renaming ? (
        <form
          className="device-row__rename"
          onSubmit={(e) => void rename(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') stopRenaming();
          }}
          noValidate
        >
          <Field
            name="name"
            label={`New name for ${device.name}`}
            value={name}
            onChange={setName}
            error={nameError}
            maxLength={60}
            autoFocus
          />
          <div className="controls__row">
            <button type="submit" className="button button--primary" disabled={busy}>
              Save name
            </button>
            <button type="button" className="button button--quiet" onClick={stopRenaming}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        !revoked && (
          <div className="controls__row device-row__actions">
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Rename ${device.name}`}
              onClick={() => {
                setName(device.name);
                setRenaming(true);
              }}
            >
              Rename
            </button>
            <button
              type="button"
              className="button button--quiet device-row__revoke"
              aria-label={`Revoke ${device.name}`}
              onClick={() => void revoke()}
              disabled={busy}
            >
              Revoke
            </button>
          </div>
        )
      )}
      <ActionError error={error} />
    </li>
  );
}
