import type { ObsAction, ObsDropActions, ObsDropMoment } from '../../../shared/obs';
import type { FieldErrors } from '../lib/field-errors';

export const OBS_MOMENTS: { id: ObsDropMoment; label: string }[] = [
  { id: 'start', label: 'When the drop starts' },
  { id: 'lastMinute', label: 'In the last minute' },
  { id: 'soldOut', label: 'When it sells out' },
  { id: 'end', label: 'When it ends' },
];

/** What the host picks; `setItemVisible` is two choices because "show"/"hide" is how people say it. */
export const OBS_ACTION_KINDS = [
  { id: 'switchScene', label: 'Switch to scene' },
  { id: 'showSource', label: 'Show source' },
  { id: 'hideSource', label: 'Hide source' },
  { id: 'setTransition', label: 'Set transition' },
] as const;
export type ObsActionKind = (typeof OBS_ACTION_KINDS)[number]['id'];

export interface ObsActionRow {
  key: string;
  moment: ObsDropMoment;
  kind: ObsActionKind;
  scene: string;
  source: string;
  transition: string;
  /** Kept so a transition duration set through the API survives an edit here. */
  durationMs?: number;
}

let nextKey = 0;
export const newObsRow = (moment: ObsDropMoment = 'start'): ObsActionRow => ({
  key: `obs-${++nextKey}`,
  moment,
  kind: 'switchScene',
  scene: '',
  source: '',
  transition: '',
});

function rowFromAction(moment: ObsDropMoment, action: ObsAction): ObsActionRow {
  const row = newObsRow(moment);
  switch (action.type) {
    case 'switchScene':
      return { ...row, kind: 'switchScene', scene: action.scene };
    case 'setItemVisible':
      return {
        ...row,
        kind: action.visible ? 'showSource' : 'hideSource',
        scene: action.scene,
        source: action.source,
      };
    case 'setTransition':
      return { ...row, kind: 'setTransition', transition: action.transition, durationMs: action.durationMs };
  }
}

export function rowsFromActions(actions: ObsDropActions | null): ObsActionRow[] {
  if (!actions) return [];
  return OBS_MOMENTS.flatMap(({ id }) => (actions[id] ?? []).map((a) => rowFromAction(id, a)));
}

/** Rows → the drop's `obsActions` (undefined when there are none); errors keyed `obs.<row key>.<field>`. */
export function actionsFromRows(rows: readonly ObsActionRow[]): {
  actions: ObsDropActions | undefined;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const actions: ObsDropActions = {};
  for (const row of rows) {
    const scene = row.scene.trim();
    const source = row.source.trim();
    const transition = row.transition.trim();
    let action: ObsAction | null = null;
    if (row.kind === 'setTransition') {
      if (transition === '') errors[`obs.${row.key}.transition`] = 'Name the transition, e.g. Fade';
      else
        action = {
          type: 'setTransition',
          transition,
          ...(row.durationMs ? { durationMs: row.durationMs } : {}),
        };
    } else {
      if (scene === '') errors[`obs.${row.key}.scene`] = 'Pick or type a scene name';
      if (row.kind !== 'switchScene' && source === '') {
        errors[`obs.${row.key}.source`] = 'Type the source name as OBS shows it';
      }
      if (scene !== '' && row.kind === 'switchScene') action = { type: 'switchScene', scene };
      else if (scene !== '' && source !== '') {
        action = { type: 'setItemVisible', scene, source, visible: row.kind === 'showSource' };
      }
    }
    if (action) actions[row.moment] = [...(actions[row.moment] ?? []), action];
  }
  const none = Object.keys(actions).length === 0;
  return { actions: none ? undefined : actions, errors };
}

/** One line per action for the read-only view ("Switch to scene Product close-up"). */
export function describeAction(action: ObsAction): string {
  switch (action.type) {
    case 'switchScene':
      return `Switch to scene "${action.scene}"`;
    case 'setItemVisible':
      return `${action.visible ? 'Show' : 'Hide'} "${action.source}" in "${action.scene}"`;
    case 'setTransition':
      return `Set transition "${action.transition}"${action.durationMs ? ` (${action.durationMs} ms)` : ''}`;
  }
}
