import { useEffect, useId, useState } from 'react';
import type { ObsConnectionState, ObsDropMoment } from '../../../shared/obs';
import { usePanel } from '../api/panel-context';
import { Field } from '../components/Field';
import type { FieldErrors } from '../lib/field-errors';
import {
  newObsRow,
  OBS_ACTION_KINDS,
  OBS_MOMENTS,
  type ObsActionKind,
  type ObsActionRow,
} from './obs-actions-model';
import { SelectField } from './SelectField';

interface Props {
  rows: ObsActionRow[];
  errors: FieldErrors;
  obsState: ObsConnectionState | null;
  onChange: (rows: ObsActionRow[]) => void;
}

const isMoment = (v: string): v is ObsDropMoment => OBS_MOMENTS.some((m) => m.id === v);
const isKind = (v: string): v is ObsActionKind => OBS_ACTION_KINDS.some((k) => k.id === v);

/** What OBS does at each moment of the drop. Scene names come from OBS when it is connected. */
export function ObsActionsEditor({ rows, errors, obsState, onChange }: Props) {
  const scenes = useObsScenes(obsState === 'connected');
  const listId = useId();
  const update = (key: string, patch: Partial<ObsActionRow>): void =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <fieldset className="editor-fieldset">
      <legend>OBS actions</legend>
      <p className="muted editor-hint">
        {scenes.length > 0
          ? 'Scene names are suggested from OBS.'
          : 'OBS is not connected: type scene and source names exactly as OBS shows them.'}
      </p>
      <datalist id={listId}>
        {scenes.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="muted">No OBS actions: the drop leaves OBS alone.</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="tier-row">
          <legend>Action {i + 1}</legend>
          <SelectField
            label="When"
            value={row.moment}
            onChange={(v) => isMoment(v) && update(row.key, { moment: v })}
          >
            {OBS_MOMENTS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Do"
            value={row.kind}
            onChange={(v) => isKind(v) && update(row.key, { kind: v })}
          >
            {OBS_ACTION_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </SelectField>
          {row.kind === 'setTransition' ? (
            <Field
              name="transition"
              label="Transition"
              placeholder="Fade"
              value={row.transition}
              onChange={(transition) => update(row.key, { transition })}
              error={errors[`obs.${row.key}.transition`]}
            />
          ) : (
            <Field
              name="scene"
              label="Scene"
              list={listId}
              value={row.scene}
              onChange={(scene) => update(row.key, { scene })}
              error={errors[`obs.${row.key}.scene`]}
            />
          )}
          {(row.kind === 'showSource' || row.kind === 'hideSource') && (
            <Field
              name="source"
              label="Source"
              value={row.source}
              onChange={(source) => update(row.key, { source })}
              error={errors[`obs.${row.key}.source`]}
            />
          )}
          <button
            type="button"
            className="button button--quiet tier-row__remove"
            aria-label={`Remove action ${i + 1}`}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => onChange([...rows, newObsRow()])}>
        Add OBS action
      </button>
    </fieldset>
  );
}

/** Scene names for suggestions; none (free text) while OBS is away or refuses. */
function useObsScenes(connected: boolean): string[] {
  const { api } = usePanel();
  const [scenes, setScenes] = useState<string[]>([]);
  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    void api.call('obs:scenes', {}).then((r) => {
      if (!cancelled && r.ok) setScenes(r.value.scenes);
    });
    return () => {
      cancelled = true;
    };
  }, [api, connected]);
  return connected ? scenes : [];
}
