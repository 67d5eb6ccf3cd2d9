import { useState } from 'react';
import type { CreateDropInput, Drop, HoldsPolicy, UpdateDropInput } from '../../../shared/drops';
import type { Show } from '../../../shared/insights/shows';
import type { ApiClient } from '../api/http';

export type SaveRequest = (
  { drop: null; input: CreateDropInput } | { drop: Drop; input: UpdateDropInput }
) & {
  ledger: { holds: HoldsPolicy; restockOnRefund: boolean } | null;
  fromShow: number | null;
  toShow: number | null;
};

export interface SaveOutcome {
  /** The drop as the core last answered it (null when the create itself was refused). */
  drop: Drop | null;
  /** The create/update was refused: the core's message, with field names. */
  error?: string;
  /** The drop was saved but a follow-up (holds, show) was refused: said as such. */
  afterSaveError?: string;
}

/**
 * A drop's settings live behind three commands (drop, ledger settings, show membership); one save
 * runs them in order and stops at the first refusal, saying what was saved and what was not.
 */
export function useSaveDrop(api: ApiClient, onShow: (show: Show) => void) {
  const [busy, setBusy] = useState(false);

  async function run(request: SaveRequest): Promise<SaveOutcome> {
    const { drop, ledger, fromShow, toShow } = request;
    const first =
      request.drop === null
        ? await api.call('drop:create', request.input)
        : await api.call('drop:update', { id: request.drop.id, ...request.input });
    if (!first.ok) return { drop: null, error: first.error.message };
    let saved = first.value;
    const prefix = drop ? 'Changes saved' : 'Drop created';
    if (ledger) {
      const result = await api.call('drop:ledger-settings', { id: saved.id, ...ledger });
      if (!result.ok)
        return {
          drop: saved,
          afterSaveError: `${prefix}, but the holds settings were not: ${result.error.message}`,
        };
      saved = result.value;
    }
    if (toShow !== fromShow) {
      const result =
        toShow === null
          ? await api.call('show:unassign-drop', { id: fromShow ?? 0, dropId: saved.id })
          : await api.call('show:assign-drop', { id: toShow, dropId: saved.id });
      if (!result.ok)
        return {
          drop: saved,
          afterSaveError: `${prefix}, but the show was not changed: ${result.error.message}`,
        };
      onShow(result.value);
    }
    return { drop: saved };
  }

  async function save(request: SaveRequest): Promise<SaveOutcome> {
    setBusy(true);
    try {
      return await run(request);
    } finally {
      setBusy(false);
    }
  }
  return { save, busy };
}
