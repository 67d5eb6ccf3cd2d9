import { useCallback } from 'react';
import type { DropAction } from '../../../shared/drop-focus';
import type { Drop } from '../../../shared/drops';
import type { Result } from '../../../shared/result';
import { usePanel } from '../api/panel-context';
import { confirmationFor, type ActionSource } from '../lib/drop-confirmations';
import { useConfirm } from '../shell/confirm-context';

/**
 * Runs a drop control, asking first where a slip would hurt. Resolves to the core's answer, or null
 * when the person cancelled. The same path for buttons and shortcuts, so they can never disagree.
 */
export function useDropCommand(): (
  action: DropAction,
  drop: Drop,
  source: ActionSource,
) => Promise<Result<Drop> | null> {
  const { api } = usePanel();
  const confirm = useConfirm();
  return useCallback(
    async (action, drop, source) => {
      const question = confirmationFor(action, drop, source);
      if (question && !(await confirm(question))) return null;
      switch (action.command) {
        case 'drop:start':
          return api.call('drop:start', action.input);
        case 'drop:extend':
          return api.call('drop:extend', action.input);
        case 'drop:end':
          return api.call('drop:end', action.input);
      }
    },
    [api, confirm],
  );
}
