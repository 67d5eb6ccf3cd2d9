import { useState, type FormEvent } from 'react';
import type { Show } from '../../../shared/insights/shows';
import type { Touchpoint } from '../../../shared/touchpoints';
import { usePanel } from '../api/panel-context';
import { Field } from '../components/Field';
import { formatMoney, parsePriceToCents } from '../lib/format';
import { parseFieldErrors, type FieldErrors } from '../lib/field-errors';
import { SelectField } from './SelectField';

interface Props {
  show: Show;
  touchpoints: readonly Touchpoint[];
  onSaved: (show: Show) => void;
}

/** What each touchpoint cost for this show (ad print, a creator's fee): the report's cost side. */
export function ShowCosts({ show, touchpoints, onSaved }: Props) {
  const { api } = usePanel();
  const [touchpoint, setTouchpoint] = useState(touchpoints[0]?.key ?? '');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(show.costs[0]?.currency ?? 'EUR');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = touchpoint || touchpoints[0]?.key || '';

  async function submit(): Promise<void> {
    const amountCents = parsePriceToCents(amount);
    if (amountCents === null) {
      setErrors({ amountCents: 'Enter an amount such as 40.00' });
      return;
    }
    setBusy(true);
    const result = await api.call('show:set-cost', {
      id: show.id,
      touchpoint: chosen,
      amountCents,
      currency: currency.trim().toUpperCase(),
    });
    setBusy(false);
    if (!result.ok) {
      const parsed = parseFieldErrors(result.error.message, ['amountCents', 'currency', 'touchpoint']);
      setErrors(parsed.fields);
      setGeneral(parsed.general.join(' ') || null);
      return;
    }
    setErrors({});
    setGeneral(null);
    setAmount('');
    onSaved(result.value);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="show-costs-title">
      <h2 id="show-costs-title">Touchpoint costs</h2>
      {show.costs.length === 0 ? (
        <p className="muted">No costs recorded for this show yet.</p>
      ) : (
        <ul className="editor-plain-list">
          {show.costs.map((c) => (
            <li key={c.touchpoint}>
              <strong>{touchpoints.find((t) => t.key === c.touchpoint)?.label ?? c.touchpoint}</strong>{' '}
              {formatMoney(c.amountCents, c.currency)}
            </li>
          ))}
        </ul>
      )}
      {touchpoints.length === 0 ? (
        <p className="muted">Add a touchpoint below first.</p>
      ) : (
        <>
          <div className="form-row">
            <SelectField label="Touchpoint" value={chosen} onChange={setTouchpoint} error={errors.touchpoint}>
              {touchpoints.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </SelectField>
            <Field
              name="amountCents"
              label="Cost"
              inputMode="decimal"
              placeholder="40.00"
              value={amount}
              onChange={setAmount}
              error={errors.amountCents}
            />
            <Field
              name="costCurrency"
              label="Cost currency"
              maxLength={3}
              value={currency}
              onChange={setCurrency}
              error={errors.currency}
            />
          </div>
          {general && (
            <p className="action-error" role="alert">
              {general}
            </p>
          )}
          <button type="submit" className="button" disabled={busy}>
            Save cost
          </button>
        </>
      )}
    </form>
  );
}
