import { useState, type FormEvent } from 'react';
import type { Drop } from '../../../shared/drops';
import type { Show } from '../../../shared/insights/shows';
import type { ObsConnectionState } from '../../../shared/obs';
import { usePanel } from '../api/panel-context';
import { Field } from '../components/Field';
import type { FieldErrors } from '../lib/field-errors';
import { ADVANCED_ERROR_KEYS, AdvancedFields } from './AdvancedFields';
import {
  formErrorsFromCore,
  editableSettings,
  ledgerSettingsChange,
  newDropValues,
  toCreateInput,
  toUpdateInput,
  valuesFromDrop,
  type DropFormValues,
} from './drop-form-model';
import type { Notice } from './selection';
import { SelectField } from './SelectField';
import { TiersFieldset, TiersTable } from './TiersFieldset';
import { useSaveDrop, type SaveRequest } from './useSaveDrop';

interface Props {
  /** null: a new drop. Otherwise a draft or scheduled drop (live ones are read-only elsewhere). */
  drop: Drop | null;
  shows: Show[];
  /** The show the drop is in now (or, for a new drop, the one it starts in). */
  showId: number | null;
  obsState: ObsConnectionState | null;
  onSaved: (drop: Drop, notice?: Notice) => void;
  onShow: (show: Show) => void;
  /** Said when the form opens (after a create, the new drop's form says how it went). */
  notice?: Notice;
}

const CREATED = 'Created as a draft: schedule it below, or start it from the Live screen.';

/** Every local check at once (drop fields and holds), so the host fixes them in one pass. */
function buildRequest(
  values: DropFormValues,
  drop: Drop | null,
  fromShow: number | null,
  toShow: number | null,
): { ok: true; request: SaveRequest } | { ok: false; errors: FieldErrors } {
  const ledger = ledgerSettingsChange(values, drop ?? undefined);
  const update = drop ? toUpdateInput(values, drop) : null;
  const create = drop ? null : toCreateInput(values);
  const errors: FieldErrors = {
    ...(update && !update.ok ? update.errors : {}),
    ...(create && !create.ok ? create.errors : {}),
    ...(ledger.ok ? {} : ledger.errors),
  };
  if (!ledger.ok) return { ok: false, errors };
  const rest = { ledger: ledger.input, fromShow, toShow };
  if (drop && update?.ok) return { ok: true, request: { drop, input: update.input, ...rest } };
  if (create?.ok) return { ok: true, request: { drop: null, input: create.input, ...rest } };
  return { ok: false, errors };
}

export function DropForm({ drop, shows, showId, obsState, onSaved, onShow, notice }: Props) {
  const { api } = usePanel();
  const [values, setValues] = useState<DropFormValues>(() => (drop ? valuesFromDrop(drop) : newDropValues()));
  // null until the host picks: the shows may still be loading, and "unchanged" must not mean "none".
  const [chosenShow, setChosenShow] = useState<string | null>(null);
  const shownShow = chosenShow ?? (showId === null ? '' : String(showId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>(notice?.tone === 'error' ? [notice.text] : []);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [status, setStatus] = useState(notice?.tone === 'ok' ? notice.text : '');
  const { save, busy } = useSaveDrop(api, onShow);
  // What the form was filled from (or last saved): a hub update that differs came from elsewhere.
  const [baseline, setBaseline] = useState(() => (drop ? editableSettings(drop) : null));
  const changedElsewhere = !busy && drop !== null && baseline !== null && editableSettings(drop) !== baseline;

  const set = <K extends keyof DropFormValues>(key: K, value: DropFormValues[K]): void => {
    setStatus('');
    setValues((v) => ({ ...v, [key]: value }));
  };

  const showErrors = (fields: FieldErrors, messages: string[]): void => {
    setErrors(fields);
    setGeneral(messages);
    // Errors inside a closed <details> would be invisible; open it so the host sees where.
    if (Object.keys(fields).some((k) => ADVANCED_ERROR_KEYS.test(k))) setAdvancedOpen(true);
  };

  const loadLatest = (): void => {
    if (!drop) return;
    setValues(valuesFromDrop(drop));
    setBaseline(editableSettings(drop));
    showErrors({}, []);
    setStatus('');
  };
  async function submit(): Promise<void> {
    // A new drop is in no show yet, whatever show the form was opened from.
    const fromShow = drop ? showId : null;
    const toShow = shownShow === '' ? null : Number(shownShow);
    const request = buildRequest(values, drop, fromShow, toShow);
    if (!request.ok) {
      showErrors(request.errors, []);
      return;
    }
    const outcome = await save(request.request);
    if (outcome.error) {
      const parsed = formErrorsFromCore(outcome.error);
      showErrors(parsed.fields, parsed.general);
      return;
    }
    const result: Notice = outcome.afterSaveError
      ? { tone: 'error', text: outcome.afterSaveError }
      : { tone: 'ok', text: drop ? 'Saved.' : CREATED };
    // A new drop's form closes here (its edit form opens with this notice); an edit stays open.
    if (outcome.drop) {
      setBaseline(editableSettings(outcome.drop));
      onSaved(outcome.drop, result);
    }
    showErrors({}, result.tone === 'error' ? [result.text] : []);
    setStatus(result.tone === 'ok' ? result.text : '');
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit();
  };

  const title = drop ? `Edit “${drop.title}”` : 'New drop';
  return (
    <form className="card editor-form" onSubmit={onSubmit} noValidate aria-labelledby="drop-form-title">
      <h2 id="drop-form-title" tabIndex={-1}>
        {title}
      </h2>
      {drop && (
        <p className="muted">
          {drop.state === 'scheduled' ? 'Scheduled' : 'Draft'} · tiers, stock and prices are fixed; everything
          else can change until it goes live.
        </p>
      )}
      {changedElsewhere && (
        <div className="banner editor-locked editor-changed" role="status">
          <span>These settings were changed on another device.</span>
          <button type="button" className="button" onClick={loadLatest}>
            Load the new settings
          </button>
        </div>
      )}
      {general.length > 0 && (
        <div className="form-error" role="alert">
          {general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <Field
        name="title"
        label="Title"
        placeholder="Signed vinyl, first press"
        value={values.title}
        onChange={(v) => set('title', v)}
        error={errors.title}
      />
      <SelectField label="Show" value={shownShow} onChange={setChosenShow}>
        <option value="">Not in a show</option>
        {shows.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <div className="form-row">
        <Field
          name="currency"
          label="Currency"
          maxLength={3}
          autoCapitalize="characters"
          value={values.currency}
          onChange={(v) => set('currency', v)}
          error={errors.currency}
        />
        <fieldset className="editor-duration">
          <legend>Duration</legend>
          <div className="form-row">
            <Field
              name="durationMin"
              label="Minutes"
              inputMode="numeric"
              value={values.durationMin}
              onChange={(v) => set('durationMin', v)}
              aria-describedby={errors.durationSec ? 'duration-error' : undefined}
              aria-invalid={errors.durationSec ? true : undefined}
            />
            <Field
              name="durationSec"
              label="Seconds"
              inputMode="numeric"
              value={values.durationSec}
              onChange={(v) => set('durationSec', v)}
              aria-describedby={errors.durationSec ? 'duration-error' : undefined}
              aria-invalid={errors.durationSec ? true : undefined}
            />
          </div>
          {errors.durationSec && (
            <p className="field-error" id="duration-error">
              {errors.durationSec}
            </p>
          )}
        </fieldset>
      </div>
      <Field
        name="checkoutUrl"
        label="Checkout URL"
        type="url"
        placeholder="https://shop.example/checkout/…"
        value={values.checkoutUrl}
        onChange={(v) => set('checkoutUrl', v)}
        error={errors.checkoutUrl}
      />
      {drop ? (
        <TiersTable tiers={drop.tiers} currency={drop.currency} />
      ) : (
        <TiersFieldset tiers={values.tiers} errors={errors} onChange={(tiers) => set('tiers', tiers)} />
      )}
      <details
        className="editor-advanced"
        open={advancedOpen}
        onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
      >
        <summary>Advanced: early access, cap, link rotation, holds, OBS</summary>
        <AdvancedFields values={values} errors={errors} obsState={obsState} set={set} />
      </details>
      <div className="controls__row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : drop ? 'Save changes' : 'Create drop'}
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </form>
  );
}
