import { useState, type FormEvent } from 'react';
import { DeviceNameSchema, PairingCodeSchema } from '../../../shared/devices';
import { createApiClient } from '../api/http';
import { suggestedDeviceName } from '../api/token';
import { Field } from './Field';

interface Props {
  /** From a scanned pairing QR (or the printed one-time link): only a name is left to ask. */
  pairingCode: string | null;
  notice: string | null;
  onSignedIn: (token: string) => void;
}

const firstIssue = (error: { issues: Array<{ message: string }> }): string => error.issues[0]?.message ?? '';

/**
 * First screen on a device that is not signed in. The usual way in is the host's pairing QR: the
 * phone opens it, names itself and gets its own token (revocable, with the rights the host chose).
 * The laptop can also paste the host token printed at start.
 */
export function SignIn({ pairingCode, notice, onSignedIn }: Props) {
  const [code, setCode] = useState(pairingCode ?? '');
  const [name, setName] = useState(suggestedDeviceName());
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string; token?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const pair = async (): Promise<void> => {
    const c = PairingCodeSchema.safeParse(code);
    const n = DeviceNameSchema.safeParse(name);
    if (!c.success || !n.success) {
      setErrors({
        code: c.success ? undefined : firstIssue(c.error),
        name: n.success ? undefined : firstIssue(n.error),
      });
      return;
    }
    setBusy(true);
    const result = await createApiClient(null).call('device:pair', { code: c.data, name: n.data });
    setBusy(false);
    if (result.ok) onSignedIn(result.value.token);
    else setErrors({ form: result.error.message });
  };

  const unlock = async (): Promise<void> => {
    const candidate = token.trim();
    if (candidate === '') return setErrors({ token: 'Paste the host token first.' });
    setBusy(true);
    const result = await createApiClient(candidate).call('device:whoami', {});
    setBusy(false);
    if (result.ok) onSignedIn(candidate);
    else setErrors({ token: result.error.message });
  };

  const submit = (action: () => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action();
  };

  return (
    <main className="gate">
      <form className="card" onSubmit={submit(pair)} noValidate aria-label="Pair this device">
        <h1>DropDeck</h1>
        <p className="muted">
          {pairingCode
            ? 'Name this device so the host can tell it apart, then pair it.'
            : 'Scan the pairing QR on the host’s screen, or type the code shown under it.'}
        </p>
        {(notice ?? errors.form) && (
          <p className="form-error" role="alert">
            {errors.form ?? notice}
          </p>
        )}
        {!pairingCode && (
          <Field
            name="code"
            label="Pairing code"
            value={code}
            onChange={setCode}
            error={errors.code}
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
        <Field name="deviceName" label="Device name" value={name} onChange={setName} error={errors.name} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Pairing…' : 'Pair this device'}
        </button>
      </form>
      {!pairingCode && (
        <form className="card" onSubmit={submit(unlock)} noValidate aria-label="Unlock with the host token">
          <p className="muted">
            On the laptop running DropDeck: paste the host token it printed at start (also in the{' '}
            <code>host-token</code> file of its data folder).
          </p>
          <Field
            name="token"
            label="Host token"
            value={token}
            onChange={setToken}
            error={errors.token}
            type="password"
            spellCheck={false}
          />
          <button type="submit" className="button" disabled={busy}>
            Unlock
          </button>
        </form>
      )}
    </main>
  );
}
