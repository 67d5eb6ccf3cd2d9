import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { Drop } from '../../../shared/drops';
import type { Touchpoint } from '../../../shared/touchpoints';
import { createApiClient } from '../api/http';
import { PanelContext, type PanelServices } from '../api/panel-context';
import { useHub } from '../api/useHub';
import { useServerClock } from '../api/useServerClock';
import { useStatsLoader } from '../hooks/useStatsLoader';
import { initialPanelState, panelReducer } from '../lib/panel-state';
import { ConnectionBanner } from './ConnectionBanner';
import { CreateDropForm } from './CreateDropForm';
import { DropList } from './DropList';
import { ObsStatusPill } from './ObsStatusPill';
import { StreamHealthView } from './StreamHealthView';

interface Props {
  token: string;
  /** The core rejected the token (HTTP 401 or hub refusal): back to the token gate. */
  onUnauthorized: () => void;
  onForgetToken: () => void;
}

export function ControlPanel({ token, onUnauthorized, onForgetToken }: Props) {
  const api = useMemo(() => createApiClient(token), [token]);
  const [state, dispatch] = useReducer(panelReducer, initialPanelState);
  const { socket, status } = useHub(token, dispatch);
  const serverNow = useServerClock(api, socket, status === 'connected');
  const [touchpoints, setTouchpoints] = useState<Touchpoint[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    // The hub's state:init also delivers drops; HTTP gets the list on screen even while the hub connects.
    const load = async (): Promise<void> => {
      const [drops, tps] = await Promise.all([api.listDrops(), api.listTouchpoints()]);
      if (!drops.ok && drops.error.code === 'unauthorized') {
        onUnauthorized();
        return;
      }
      if (drops.ok) dispatch({ type: 'drops', drops: drops.value });
      if (tps.ok) setTouchpoints(tps.value);
      setLoadError(drops.ok ? null : drops.error.message);
    };
    void load();
  }, [api, onUnauthorized]);

  useEffect(() => {
    if (status === 'refused') onUnauthorized();
  }, [status, onUnauthorized]);

  useStatsLoader(api, state.drops, dispatch);

  const services = useMemo<PanelServices>(
    () => ({ api, serverNow, touchpoints }),
    [api, serverNow, touchpoints],
  );
  const onUpdated = useCallback((drop: Drop) => dispatch({ type: 'drop', drop }), []);

  return (
    <PanelContext.Provider value={services}>
      <header className="topbar">
        <h1>DropDeck</h1>
        <ObsStatusPill status={state.obs} />
        <button type="button" className="button button--quiet" onClick={onForgetToken}>
          Lock
        </button>
      </header>
      <ConnectionBanner status={status} />
      <StreamHealthView health={state.health} />
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      <main className="layout">
        <CreateDropForm onCreated={onUpdated} />
        <DropList drops={state.drops} stats={state.stats} onUpdated={onUpdated} />
      </main>
    </PanelContext.Provider>
  );
}
