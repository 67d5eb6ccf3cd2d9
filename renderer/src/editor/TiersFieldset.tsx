import type { Tier } from '../../../shared/drops';
import { Field } from '../components/Field';
import { formatMoney } from '../lib/format';
import type { FieldErrors } from '../lib/field-errors';
import { emptyTier, FIRST_TIER_NAME, type TierRow } from './drop-form-model';

/** The core takes the first tier plus up to 20 more. */
const MAX_TIERS = 21;

interface Props {
  tiers: TierRow[];
  errors: FieldErrors;
  onChange: (tiers: TierRow[]) => void;
}

/** Tier rows of a new drop: the first is the drop's own stock and price, the others are added here. */
export function TiersFieldset({ tiers, errors, onChange }: Props) {
  const update = (index: number, patch: Partial<TierRow>): void =>
    onChange(tiers.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  return (
    <fieldset className="editor-fieldset">
      <legend>Tiers</legend>
      {tiers.map((tier, i) => (
        <fieldset key={tier.key} className="tier-row">
          <legend>Tier {i + 1}</legend>
          <Field
            name={`tier${i}.name`}
            label="Name"
            value={i === 0 ? FIRST_TIER_NAME : tier.name}
            onChange={(name) => update(i, { name })}
            readOnly={i === 0}
            placeholder={i === 0 ? undefined : 'Signed bundle'}
            error={errors[`tier${i}.name`]}
          />
          <Field
            name={`tier${i}.stock`}
            label="Stock"
            inputMode="numeric"
            value={tier.stock}
            onChange={(stock) => update(i, { stock })}
            error={errors[`tier${i}.stock`]}
          />
          <Field
            name={`tier${i}.price`}
            label="Price"
            inputMode="decimal"
            placeholder="19.99"
            value={tier.price}
            onChange={(price) => update(i, { price })}
            error={errors[`tier${i}.price`]}
          />
          {i > 0 && (
            <button
              type="button"
              className="button button--quiet tier-row__remove"
              aria-label={`Remove tier ${i + 1}`}
              onClick={() => onChange(tiers.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          )}
        </fieldset>
      ))}
      <p className="muted editor-hint">
        The first tier is always called “{FIRST_TIER_NAME}”. Tiers cannot be changed after the drop is
        created.
      </p>
      <button
        type="button"
        className="button"
        disabled={tiers.length >= MAX_TIERS}
        onClick={() => onChange([...tiers, emptyTier()])}
      >
        Add tier
      </button>
    </fieldset>
  );
}

/** An existing drop's tiers, exactly as the core reports them. */
export function TiersTable({ tiers, currency }: { tiers: readonly Tier[]; currency: string }) {
  return (
    <div className="editor-table-wrap">
      <table className="editor-table">
        <caption>Tiers</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">On sale</th>
            <th scope="col">Sold</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>{t.stock}</td>
              <td>{t.sold}</td>
              <td>{formatMoney(t.priceCents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
