import { useState, type FormEvent } from 'react';
import type { Link } from '../../../shared/links';
import type { Touchpoint } from '../../../shared/touchpoints';
import { usePanel } from '../api/panel-context';
import { DEFAULT_EXPIRY_SEC, EXPIRY_CHOICES } from './link-status';

interface Props {
  dropId: number;
  touchpoints: readonly Touchpoint[];
  onCreated: (link: Link) => void;
}

const audienceNote = (t: Touchpoint): string =>
  [t.audience === 'members' ? 'members only' : null, t.creator ? `credited to ${t.creator}` : null]
    .filter(Boolean)
    .join(', ');

/** A new short link for one touchpoint of the chosen drop, valid for as long as the host picks. */
export function CreateLinkForm({ dropId, touchpoints, onCreated }: Props) {
  const { api } = usePanel();
  const [touchpoint, setTouchpoint] = useState('');
  const [ttlSec, setTtlSec] = useState(DEFAULT_EXPIRY_SEC);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = touchpoint || touchpoints[0]?.key || '';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!selected) return;
    setBusy(true);
    setError(null);
    const result = await api.call('link:create', { id: dropId, touchpoint: selected, ttlSec });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error.message);
  };

  return (
    <form className="card create-link" aria-label="New link" onSubmit={(e) => void submit(e)}>
      <h2>New link</h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor="new-link-touchpoint">Touchpoint</label>
          <select id="new-link-touchpoint" value={selected} onChange={(e) => setTouchpoint(e.target.value)}>
            {touchpoints.map((t) => {
              const note = audienceNote(t);
              return (
                <option key={t.key} value={t.key}>
                  {t.label || t.key}
                  {note ? ` (${note})` : ''}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-link-expiry">Expires after</label>
          <select id="new-link-expiry" value={ttlSec} onChange={(e) => setTtlSec(Number(e.target.value))}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.ttlSec} value={c.ttlSec}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button button--primary" disabled={busy || !selected}>
        {busy ? 'Creating…' : 'Create link'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
