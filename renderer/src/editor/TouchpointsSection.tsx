import { useState, type FormEvent } from 'react';
import { TOUCHPOINT_KINDS, type Touchpoint, type TouchpointKind } from '../../../shared/touchpoints';
import { usePanel } from '../api/panel-context';
import { ActionError } from '../components/ActionError';
import { Field } from '../components/Field';
import { parseFieldErrors, type FieldErrors } from '../lib/field-errors';
import { SelectField } from './SelectField';
import { LoadFailed } from '../components/LoadFailed';

const KIND_LABELS: Record<TouchpointKind, string> = {
  stream_qr: 'Stream QR',
  venue_qr: 'Venue QR',
  venue_nfc: 'Venue NFC tag',
  creator_dm: 'Creator DM',
  local_ad: 'Local ad',
  email: 'Email',
  social: 'Social post',
  direct: 'Direct',
  other: 'Other',
};
const isKind = (v: string): v is TouchpointKind => (TOUCHPOINT_KINDS as readonly string[]).includes(v);

interface Props {
  touchpoints: readonly Touchpoint[];
  /** Why the latest list did not load (the one shown may be older). */
  loadError: string | null;
  onRetry: () => void;
  onSaved: (touchpoint: Touchpoint) => void;
}

/** Where scans come from, and which creator each one credits (costs are per show, above). */
export function TouchpointsSection({ touchpoints, loadError, onRetry, onSaved }: Props) {
  return (
    <section className="card" aria-labelledby="touchpoints-title">
      <h2 id="touchpoints-title">Touchpoints</h2>
      {loadError && <LoadFailed what="the touchpoints" message={loadError} onRetry={onRetry} />}
      {touchpoints.length === 0 ? (
        <p className="muted">No touchpoints yet.</p>
      ) : (
        <ul className="editor-plain-list touchpoint-list">
          {touchpoints.map((t) => (
            <TouchpointRow key={t.key} touchpoint={t} onSaved={onSaved} />
          ))}
        </ul>
      )}
      <NewTouchpoint onSaved={onSaved} />
    </section>
  );
}

function TouchpointRow({
  touchpoint,
  onSaved,
}: {
  touchpoint: Touchpoint;
  onSaved: (t: Touchpoint) => void;
}) {
  const { api } = usePanel();
  const [creator, setCreator] = useState(touchpoint.creator ?? '');
  const [error, setError] = useState<string | null>(null);
  const changed = creator.trim() !== (touchpoint.creator ?? '');

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const result = await api.call('touchpoint:update', {
      key: touchpoint.key,
      creator: creator.trim() === '' ? null : creator.trim(),
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved(result.value);
  };

  return (
    <li>
      <form
        className="touchpoint"
        onSubmit={(e) => void onSubmit(e)}
        aria-label={`Touchpoint ${touchpoint.label}`}
      >
        <div className="touchpoint__name">
          <strong>{touchpoint.label}</strong>
          <span className="muted">
            {KIND_LABELS[touchpoint.kind]} · <code>{touchpoint.key}</code>
            {touchpoint.audience === 'members' ? ' · members' : ''}
          </span>
        </div>
        <Field
          name="creator"
          label={`Creator for ${touchpoint.label}`}
          placeholder="No creator"
          value={creator}
          onChange={setCreator}
        />
        <button type="submit" className="button" disabled={!changed}>
          Save
        </button>
      </form>
      <ActionError error={error} />
    </li>
  );
}

function NewTouchpoint({ onSaved }: { onSaved: (t: Touchpoint) => void }) {
  const { api } = usePanel();
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<TouchpointKind>('venue_qr');
  const [label, setLabel] = useState('');
  const [creator, setCreator] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const result = await api.call('touchpoint:create', {
      key: key.trim(),
      kind,
      audience: 'public',
      onStream: false,
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(creator.trim() ? { creator: creator.trim() } : {}),
    });
    if (!result.ok) {
      const parsed = parseFieldErrors(result.error.message, ['key', 'label', 'creator']);
      setErrors(parsed.fields);
      setGeneral(parsed.general.join(' ') || null);
      return;
    }
    setErrors({});
    setGeneral(null);
    setKey('');
    setLabel('');
    setCreator('');
    onSaved(result.value);
  };

  return (
    <form
      className="editor-fieldset"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="New touchpoint"
    >
      <h3>New touchpoint</h3>
      <div className="form-row">
        <Field
          name="key"
          label="Key"
          placeholder="flyer-berlin"
          value={key}
          onChange={setKey}
          error={errors.key}
        />
        <SelectField label="Kind" value={kind} onChange={(v) => isKind(v) && setKind(v)}>
          {TOUCHPOINT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <Field
          name="label"
          label="Label"
          placeholder="Flyers in Berlin"
          value={label}
          onChange={setLabel}
          error={errors.label}
        />
        <Field
          name="creator"
          label="Creator"
          placeholder="Optional"
          value={creator}
          onChange={setCreator}
          error={errors.creator}
        />
      </div>
      <ActionError error={general} />
      <button type="submit" className="button">
        Add touchpoint
      </button>
    </form>
  );
}
