import { useEffect, useRef, type Dispatch } from 'react';
import type { Drop } from '../../../shared/drops';
import type { ApiClient } from '../api/http';
import type { PanelAction } from '../lib/panel-state';

/**
 * The hub only sends stats *changes*; the history of a drop that was already running when the panel
 * opened comes from one HTTP fetch per started drop — and again after each reconnection (`epoch`),
 * for the patches sent while this device was away.
 */
export function useStatsLoader(
  api: ApiClient,
  drops: readonly Drop[],
  dispatch: Dispatch<PanelAction>,
  epoch: number,
): void {
  const requested = useRef(new Set<number>());
  const loadedEpoch = useRef(epoch);

  useEffect(() => {
    if (loadedEpoch.current !== epoch) {
      loadedEpoch.current = epoch;
      requested.current.clear();
    }
    for (const drop of drops) {
      if (drop.state === 'draft' || requested.current.has(drop.id)) continue;
      requested.current.add(drop.id);
      void api.call('stats:drop', { id: drop.id }).then((result) => {
        if (result.ok) dispatch({ type: 'stats', patch: result.value });
        else requested.current.delete(drop.id);
      });
    }
  }, [api, drops, dispatch, epoch]);
}
