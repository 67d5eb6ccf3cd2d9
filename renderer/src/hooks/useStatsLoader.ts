import { useEffect, useRef, type Dispatch } from 'react';
import type { Drop } from '../../../shared/drops';
import type { ApiClient } from '../api/http';
import type { PanelAction } from '../lib/panel-state';

/**
 * The hub only sends stats *changes*; the history of a drop that was already running when the panel
 * opened comes from one HTTP fetch per started drop.
 */
export function useStatsLoader(
  api: ApiClient,
  drops: readonly Drop[],
  dispatch: Dispatch<PanelAction>,
): void {
  const requested = useRef(new Set<number>());

  useEffect(() => {
    for (const drop of drops) {
      if (drop.state === 'draft' || requested.current.has(drop.id)) continue;
      requested.current.add(drop.id);
      void api.call('stats:drop', { id: drop.id }).then((result) => {
        if (result.ok) dispatch({ type: 'stats', patch: result.value });
        else requested.current.delete(drop.id);
      });
    }
  }, [api, drops, dispatch]);
}
