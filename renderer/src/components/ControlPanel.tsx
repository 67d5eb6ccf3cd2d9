import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { panelFocusDrop } from '../../../shared/drop-focus';
import type { Drop } from '../../../shared/drops';
import type { WhoAmI } from '../../../shared/devices';
import type { Touchpoint } from '../../../shared/touchpoints';
import { createApiClient } from '../api/http';
import { PanelContext, type PanelServices } from '../api/panel-context';
import { useHub } from '../api/useHub';
import { useServerClock } from '../api/useServerClock';
import { useStatsLoader } from '../hooks/useStatsLoader';
import { initialPanelState, panelReducer } from '../lib/panel-state';
import { ActionNotice, type Notice } from '../shell/ActionNotice';
import { ConfirmProvider } from '../shell/ConfirmProvider';
import { PanelNav } from '../shell/PanelNav';
import { PanelShortcuts } from '../shell/PanelShortcuts';
import { PanelScreen } from '../shell/PanelScreen';
import { useView } from '../shell/useView';
import { ConnectionBanner } from './ConnectionBanner';
import { ObsStatusPill } from './ObsStatusPill';
import { RelayPill } from './RelayPill';
import { StoreAlarm } from './StoreAlarm';
import { StreamHealthView } from './StreamHealthView';

interface Props {
  token: string;
  /** The core rejected the token (HTTP 401 or hub refusal): back to sign-in. */
  onUnauthorized: () => void;
  /** The host revoked this device mid-session; the message says so. */
  onRevoked: (message: string) => void;
  onForgetToken: () => void;
}

export function ControlPanel({ token, onUnauthorized, onRevoked, onForgetToken }: Props) {
  const api = useMemo(() => createApiClient(token), [token]);
  const [state, dispatch] = useReducer(panelReducer, initialPanelState);
  const { socket, status, outage, epoch } = useHub(token, dispatch, onRevoked);
  const [me, setMe] = useState<WhoAmI | null>(null);
  const serverNow = useServerClock(api, socket, status === 'connected');
  const [touchpoints, setTouchpoints] = useState<Touchpoint[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    // The hub's state:init also delivers drops; HTTP gets the list on screen even while the hub connects.
    const load = async (): Promise<void> => {
      const [drops, tps, who] = await Promise.all([
        api.call('drop:list', {}),
        api.call('touchpoint:list', {}),
        api.call('device:whoami', {}),
      ]);
      if (!drops.ok && drops.error.code === 'unauthorized') {
        onUnauthorized();
        return;
      }
      if (drops.ok) dispatch({ type: 'drops', drops: drops.value });
      if (tps.ok) setTouchpoints(tps.value);
      if (who.ok) setMe(who.value);
      setLoadError(drops.ok ? null : drops.error.message);
    };
    void load();
  }, [api, onUnauthorized]);

  useEffect(() => {
    if (status === 'refused') onUnauthorized();
  }, [status, onUnauthorized]);

  useStatsLoader(api, state.drops, dispatch, epoch);

  const focusDropId = panelFocusDrop(state.drops)?.id ?? null;
  const services = useMemo<PanelServices>(
    () => ({ api, serverNow, touchpoints, focusDropId }),
    [api, serverNow, touchpoints, focusDropId],
  );
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeId = useRef(0);
  const notify = useCallback((text: string, tone: Notice['tone']) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, text, tone });
  }, []);
  const onUpdated = useCallback((drop: Drop) => dispatch({ type: 'drop', drop }), []);
  const role = me?.role === 'host' ? 'host' : 'cohost';
  const [view, openView] = useView(role);

  return (
    <PanelContext.Provider value={services}>
      <ConfirmProvider>
        <PanelShortcuts drops={state.drops} onUpdated={onUpdated} notify={notify} />
        <header className="topbar">
          <h1>DropDeck</h1>
          {me && (
            <span className="muted" aria-label="Signed in as">
              {/* The host token's own identity is just "host"; paired devices carry their names. */}
              {me.role === 'host' && me.name === 'host'
                ? 'Host'
                : `${me.name} · ${me.role === 'host' ? 'host' : 'co-host'}`}
            </span>
          )}
          <ObsStatusPill status={state.obs} />
          <RelayPill relay={state.relay} />
          <button type="button" className="button button--quiet" onClick={onForgetToken}>
            Lock
          </button>
        </header>
        <ConnectionBanner status={status} outage={outage} />
        <StoreAlarm store={state.store} />
        <StreamHealthView health={state.health} />
        {loadError && (
          <p className="form-error panel-load-error" role="alert">
            {loadError}
          </p>
        )}
        {me ? (
          <>
            <PanelNav role={role} current={view} onOpen={openView} />
            <main className="layout" id="main">
              <PanelScreen
                view={view}
                state={state}
                me={me}
                socket={socket}
                hubStatus={status}
                onUpdated={onUpdated}
              />
            </main>
          </>
        ) : (
          !loadError && <p className="muted loading">Loading the show…</p>
        )}
        <ActionNotice notice={notice} />
      </ConfirmProvider>
    </PanelContext.Provider>
  );
}
