import { useState, type FormEvent } from 'react';
import type { Show } from '../../../shared/insights/shows';
import { usePanel } from '../api/panel-context';
import { Field } from '../components/Field';
import { parseFieldErrors, type FieldErrors } from '../lib/field-errors';
import { fromDateTimeLocal, toDateTimeLocal } from './datetime-local';

interface Props {
  show: Show | null;
  onSaved: (show: Show) => void;
}

const FIELDS = ['name', 'startsAt', 'endsAt'];

/** A show's name and optional window (sales outside any drop count in the show they fall in). */
export function ShowForm({ show, onSaved }: Props) {
  const { api } = usePanel();
  const [name, setName] = useState(show?.name ?? '');
  const [startsAt, setStartsAt] = useState(show?.startsAt == null ? '' : toDateTimeLocal(show.startsAt));
  const [endsAt, setEndsAt] = useState(show?.endsAt == null ? '' : toDateTimeLocal(show.endsAt));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(): Promise<void> {
    const local: FieldErrors = {};
    const start = startsAt === '' ? null : fromDateTimeLocal(startsAt);
    const end = endsAt === '' ? null : fromDateTimeLocal(endsAt);
    if (name.trim() === '') local.name = 'Name the show, e.g. "Friday vinyl night"';
    if (startsAt !== '' && start === null) local.startsAt = 'Pick a date and time, or leave it empty';
    if (endsAt !== '' && end === null) local.endsAt = 'Pick a date and time, or leave it empty';
    // The core checks this too, but for an edit it answers without naming the field.
    if (start !== null && end !== null && end <= start) local.endsAt = 'The show must end after it starts';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setGeneral([]);
      return;
    }
    setBusy(true);
    const window = { startsAt: start, endsAt: end };
    const result = show
      ? await api.call('show:update', { id: show.id, name, ...window })
      : await api.call('show:create', { name, ...window });
    setBusy(false);
    if (!result.ok) {
      const parsed = parseFieldErrors(result.error.message, FIELDS);
      setErrors(parsed.fields);
      setGeneral(parsed.general);
      return;
    }
    setErrors({});
    setGeneral([]);
    setSaved(true);
    onSaved(result.value);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="card editor-form" onSubmit={onSubmit} noValidate aria-labelledby="show-form-title">
      <h2 id="show-form-title" tabIndex={-1}>
        {show ? `Show “${show.name}”` : 'New show'}
      </h2>
      {general.length > 0 && (
        <div className="form-error" role="alert">
          {general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <Field
        name="name"
        label="Show name"
        placeholder="Friday vinyl night"
        value={name}
        onChange={(v) => {
          setSaved(false);
          setName(v);
        }}
        error={errors.name}
      />
      <div className="form-row">
        <Field
          name="startsAt"
          label="Starts (optional)"
          type="datetime-local"
          value={startsAt}
          onChange={setStartsAt}
          error={errors.startsAt}
        />
        <Field
          name="endsAt"
          label="Ends (optional)"
          type="datetime-local"
          value={endsAt}
          onChange={setEndsAt}
          error={errors.endsAt}
        />
      </div>
      <div className="controls__row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : show ? 'Save show' : 'Create show'}
        </button>
        <span role="status" className="muted">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}
