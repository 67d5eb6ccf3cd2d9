import type { HoldsPolicy } from '../../../shared/drops';
import type { ObsConnectionState } from '../../../shared/obs';
import { Field } from '../components/Field';
import type { FieldErrors } from '../lib/field-errors';
import type { DropFormValues } from './drop-form-model';
import { ObsActionsEditor } from './ObsActionsEditor';
import { SelectField } from './SelectField';

export const ADVANCED_ERROR_KEYS = /^(earlyAccessSec|perBuyerCap|linkRotationSec|holds\.|obs\.|obsActions)/;

const HOLD_MODE_LABELS: Record<HoldsPolicy['mode'], string> = {
  off: 'Off (first come, first served)',
  last_units: 'Last units only',
  always: 'Always',
};
const isHoldMode = (v: string): v is HoldsPolicy['mode'] => v in HOLD_MODE_LABELS;

interface Props {
  values: DropFormValues;
  errors: FieldErrors;
  obsState: ObsConnectionState | null;
  set: <K extends keyof DropFormValues>(key: K, value: DropFormValues[K]) => void;
}

/** Early access, cap, link rotation, stock holds and OBS actions: set once, rarely touched. */
export function AdvancedFields({ values, errors, obsState, set }: Props) {
  return (
    <>
      <div className="form-row">
        <Field
          name="earlyAccessMin"
          label="Early access (minutes)"
          inputMode="numeric"
          value={values.earlyAccessMin}
          onChange={(v) => set('earlyAccessMin', v)}
          error={errors.earlyAccessSec}
        />
        <Field
          name="perBuyerCap"
          label="Per-buyer cap"
          inputMode="numeric"
          placeholder="No cap"
          value={values.perBuyerCap}
          onChange={(v) => set('perBuyerCap', v)}
          error={errors.perBuyerCap}
        />
        <Field
          name="linkRotationSec"
          label="Rotate QR link every (seconds)"
          inputMode="numeric"
          placeholder="Never"
          value={values.linkRotationSec}
          onChange={(v) => set('linkRotationSec', v)}
          error={errors.linkRotationSec}
        />
      </div>
      <p className="muted editor-hint">
        Early access lets only members buy before the public opens. Leave the cap and rotation empty for none.
      </p>
      <fieldset className="editor-fieldset">
        <legend>Stock holds</legend>
        <SelectField
          label="Hold a unit while a buyer is in checkout"
          value={values.holdsMode}
          onChange={(v) => isHoldMode(v) && set('holdsMode', v)}
        >
          {Object.entries(HOLD_MODE_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        {values.holdsMode !== 'off' && (
          <div className="form-row">
            {values.holdsMode === 'last_units' && (
              <Field
                name="holdsLastUnits"
                label="Last units"
                inputMode="numeric"
                value={values.holdsLastUnits}
                onChange={(v) => set('holdsLastUnits', v)}
                error={errors['holds.lastUnits']}
              />
            )}
            <Field
              name="holdsTtlSec"
              label="Hold for (seconds)"
              inputMode="numeric"
              value={values.holdsTtlSec}
              onChange={(v) => set('holdsTtlSec', v)}
              error={errors['holds.ttlSec']}
            />
            <Field
              name="holdsPerVisitor"
              label="Holds per buyer"
              inputMode="numeric"
              value={values.holdsPerVisitor}
              onChange={(v) => set('holdsPerVisitor', v)}
              error={errors['holds.perVisitor']}
            />
          </div>
        )}
        <label className="editor-check">
          <input
            type="checkbox"
            checked={values.restockOnRefund}
            onChange={(e) => set('restockOnRefund', e.target.checked)}
          />
          <span>Put refunded units back on sale</span>
        </label>
      </fieldset>
      <ObsActionsEditor
        rows={values.obsActions}
        errors={errors}
        obsState={obsState}
        onChange={(rows) => set('obsActions', rows)}
      />
    </>
  );
}
