import { useState, type FormEvent } from 'react';
import type { ObsStatus } from '../../../shared/obs';
import { usePanel } from '../api/panel-context';
import { Field } from '../components/Field';
import { parseFieldErrors, type FieldErrors } from '../lib/field-errors';

interface Props {
  status: ObsStatus | null;
  onStatus: (status: ObsStatus) => void;
}

const DEFAULT_URL = 'ws://127.0.0.1:4455';

/**
 * Where OBS's WebSocket server is and its password. The core keeps the password and never sends it
 * back, so an empty box means "keep the saved one"; "no password" clears it.
 */
export function ObsConnectForm({ status, onStatus }: Props) {
  const { api } = usePanel();
  const [url, setUrl] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [noPassword, setNoPassword] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState<'connect' | 'disconnect' | null>(null);
  // Until the host types, the box shows what the core has saved.
  const shownUrl = url ?? (status?.url || DEFAULT_URL);
  const active =
    status?.state === 'connected' || status?.state === 'connecting' || status?.nextRetryAt != null;

  const connect = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy('connect');
    setFields({});
    setGeneral([]);
    const body = noPassword ? { url: shownUrl.trim(), password: '' } : { url: shownUrl.trim() };
    const result = await api.call('obs:connect', password ? { ...body, password } : body);
    setBusy(null);
    if (result.ok) {
      setPassword('');
      onStatus(result.value);
      return;
    }
    const parsed = parseFieldErrors(result.error.message, ['url', 'password']);
    setFields(parsed.fields);
    setGeneral(parsed.general);
  };

  const disconnect = async (): Promise<void> => {
    setBusy('disconnect');
    setGeneral([]);
    const result = await api.call('obs:disconnect', {});
    setBusy(null);
    if (result.ok) onStatus(result.value);
    else setGeneral([result.error.message]);
  };

  return (
    <form className="card obs-connect" aria-label="OBS connection settings" onSubmit={(e) => void connect(e)}>
      <h2>Connection</h2>
      <Field
        name="url"
        label="OBS WebSocket address"
        value={shownUrl}
        onChange={setUrl}
        error={fields.url}
        inputMode="url"
        placeholder={DEFAULT_URL}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        error={fields.password}
        disabled={noPassword}
        placeholder="Leave empty to keep the saved one"
        autoComplete="off"
      />
      <label className="check">
        <input type="checkbox" checked={noPassword} onChange={(e) => setNoPassword(e.target.checked)} />
        <span>OBS asks for no password (authentication off)</span>
      </label>
      {general.length > 0 && (
        <div className="form-error" role="alert">
          {general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <div className="controls__row">
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {busy === 'connect' ? 'Connecting…' : 'Connect'}
        </button>
        {active && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy !== null}
            onClick={() => void disconnect()}
          >
            Disconnect
          </button>
        )}
      </div>
    </form>
  );
}
