import { useState, type FormEvent } from 'react';
import type { CreateDropInput, Drop } from '../../../shared/drops';
import { usePanel } from '../api/panel-context';
import { parseFieldErrors, type FieldErrors } from '../lib/field-errors';
import { parsePriceToCents, parseWholeNumber } from '../lib/format';
import { Field, type FieldProps } from './Field';

const FIELDS = ['title', 'stock', 'priceCents', 'currency', 'durationSec', 'checkoutUrl'] as const;
type FieldName = (typeof FIELDS)[number];

const EMPTY: Record<FieldName, string> = {
  title: '',
  stock: '50',
  priceCents: '',
  currency: 'EUR',
  durationSec: '300',
  checkoutUrl: '',
};

/**
 * Validation lives in the core (one source of truth for every client); the form only turns text into
 * numbers and shows the core's per-field messages next to the right input.
 */
export function CreateDropForm({ onCreated }: { onCreated: (drop: Drop) => void }) {
  const { api } = usePanel();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const set = (name: FieldName) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  async function submit(): Promise<void> {
    const stock = parseWholeNumber(values.stock);
    const priceCents = parsePriceToCents(values.priceCents);
    const durationSec = parseWholeNumber(values.durationSec);
    const local: FieldErrors = {};
    if (stock === null) local.stock = 'Enter a whole number of units, e.g. 50';
    if (priceCents === null) local.priceCents = 'Enter a price such as 19.99';
    if (durationSec === null) local.durationSec = 'Enter the length in whole seconds, e.g. 300';
    if (stock === null || priceCents === null || durationSec === null) {
      setErrors(local);
      setGeneral([]);
      return;
    }
    const input: CreateDropInput = {
      title: values.title,
      stock,
      priceCents,
      currency: values.currency.trim().toUpperCase(),
      durationSec,
      checkoutUrl: values.checkoutUrl.trim(),
      earlyAccessSec: 0,
    };
    setBusy(true);
    const result = await api.call('drop:create', input);
    setBusy(false);
    if (result.ok) {
      setValues(EMPTY);
      setErrors({});
      setGeneral([]);
      onCreated(result.value);
      return;
    }
    const parsed = parseFieldErrors(result.error.message, FIELDS);
    setErrors(parsed.fields);
    setGeneral(parsed.general);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit();
  };

  const field = (name: FieldName, label: string, extra: Partial<FieldProps> = {}) => (
    <Field
      name={name}
      label={label}
      value={values[name]}
      onChange={set(name)}
      error={errors[name]}
      {...extra}
    />
  );

  return (
    <form className="card create-form" onSubmit={onSubmit} noValidate aria-label="New drop">
      <h2>New drop</h2>
      {general.length > 0 && (
        <div className="form-error" role="alert">
          {general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {field('title', 'Title', { placeholder: 'Signed vinyl, first press' })}
      <div className="form-row">
        {field('stock', 'Stock', { inputMode: 'numeric' })}
        {field('priceCents', 'Price', { inputMode: 'decimal', placeholder: '19.99' })}
        {field('currency', 'Currency', { maxLength: 3, autoCapitalize: 'characters' })}
      </div>
      {field('durationSec', 'Duration (seconds)', { inputMode: 'numeric' })}
      {field('checkoutUrl', 'Checkout URL', { type: 'url', placeholder: 'https://shop.example/checkout/…' })}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create drop'}
      </button>
    </form>
  );
}
