import { useId, useState, type FormEvent } from 'react';
import type { Show } from '../../../shared/insights/shows';
import { usePanel } from '../api/panel-context';
import { ActionError } from '../components/ActionError';
import { Field } from '../components/Field';
import type { FieldErrors } from '../lib/field-errors';
import { parsePercent } from './amounts';

interface Row {
  key: string;
  creator: string;
  percent: string;
}

interface Props {
  show: Show;
  /** Creators already credited on touchpoints, offered as suggestions. */
  creators: readonly string[];
  onSaved: (show: Show) => void;
}

let nextKey = 0;
const row = (creator = '', percent = ''): Row => ({ key: `split-${++nextKey}`, creator, percent });

/** The show-wide creator split (what is left below 100 % stays the host's). Saving replaces it. */
export function ShowSplits({ show, creators, onSaved }: Props) {
  const { api } = usePanel();
  const listId = useId();
  const [rows, setRows] = useState<Row[]>(() =>
    show.splits.filter((s) => s.dropId === null).map((s) => row(s.creator, String(s.percent))),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const update = (key: string, patch: Partial<Row>): void => {
    setSaved(false);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const local: FieldErrors = {};
    const splits = rows.map((r) => {
      const percent = parsePercent(r.percent);
      if (r.creator.trim() === '') local[`${r.key}.creator`] = 'Name the creator';
      if (percent === null) local[`${r.key}.percent`] = 'Enter a share above 0 and up to 100, e.g. 12.5';
      return { creator: r.creator.trim(), percent: percent ?? 0 };
    });
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const result = await api.call('show:set-splits', { id: show.id, splits });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setSaved(true);
    onSaved(result.value);
  };

  const total = rows.reduce((n, r) => n + (parsePercent(r.percent) ?? 0), 0);
  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="splits-title">
      <h2 id="splits-title">Creator splits</h2>
      <datalist id={listId}>
        {creators.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="muted">No creator shares: all of this show’s revenue is yours.</p>}
      {rows.map((r, i) => (
        <fieldset key={r.key} className="tier-row">
          <legend>Share {i + 1}</legend>
          <Field
            name="creator"
            label="Creator"
            list={listId}
            value={r.creator}
            onChange={(creator) => update(r.key, { creator })}
            error={errors[`${r.key}.creator`]}
          />
          <Field
            name="percent"
            label="Percent"
            inputMode="decimal"
            placeholder="12.5"
            value={r.percent}
            onChange={(percent) => update(r.key, { percent })}
            error={errors[`${r.key}.percent`]}
          />
          <button
            type="button"
            className="button button--quiet tier-row__remove"
            aria-label={`Remove share ${i + 1}`}
            onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
          >
            Remove
          </button>
        </fieldset>
      ))}
      {rows.length > 0 && (
        <p className="muted editor-hint">
          Creators get {Math.round(total * 100) / 100} %; the rest stays yours.
        </p>
      )}
      <ActionError error={error} />
      <div className="controls__row">
        <button type="button" className="button" onClick={() => setRows((rs) => [...rs, row()])}>
          Add share
        </button>
        <button type="submit" className="button button--primary">
          Save splits
        </button>
        <span role="status" className="muted">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}
