import { useState, type FormEvent } from 'react';
import { createApiClient } from '../api/http';
import { Field } from './Field';

interface Props {
  notice: string | null;
  onAccepted: (token: string) => void;
}

/**
 * First screen in a plain browser (a phone on the LAN): paste the host token that `npm run serve`
 * printed. It is checked against the core before it is remembered.
 */
export function TokenGate({ notice, onAccepted }: Props) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const check = async (): Promise<void> => {
    const candidate = token.trim();
    if (candidate === '') {
      setError('Paste the host token first.');
      return;
    }
    setBusy(true);
    const result = await createApiClient(candidate).listDrops();
    setBusy(false);
    if (result.ok) onAccepted(candidate);
    else setError(result.error.message);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void check();
  };

  return (
    <main className="gate">
      <form className="card" onSubmit={onSubmit} noValidate aria-label="Unlock DropDeck">
        <h1>DropDeck</h1>
        <p className="muted">
          Paste the host token. It was printed when DropDeck started, and is saved in the{' '}
          <code>host-token</code> file of its data folder.
        </p>
        {notice && (
          <p className="form-error" role="alert">
            {notice}
          </p>
        )}
        <Field
          name="token"
          label="Host token"
          value={token}
          onChange={setToken}
          error={error}
          type="password"
          autoFocus
          spellCheck={false}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Checking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
