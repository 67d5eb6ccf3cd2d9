import { useState } from 'react';
import type { ObsStatus } from '../../../shared/obs';
import { usePanel } from '../api/panel-context';
import { StreamHealthView } from '../components/StreamHealthView';
import { useTicker } from '../hooks/useTicker';
import { LoadFailed } from '../components/LoadFailed';
import type { PanelViewProps } from '../shell/view-props';
import { describeObs, newerStatus } from './obs-status-text';
import { ObsConnectForm } from './ObsConnectForm';
import { ObsFailures } from './ObsFailures';
import { ObsScenes } from './ObsScenes';
import { OverlaySetup } from './OverlaySetup';
import { useObsData, useObsScenes } from './useObsData';
import '../links/links.css';
import './obs.css';

/** The host's OBS screen: where OBS is, whether it answers, its scenes, and one-click overlays. */
export function ObsView({ state, socket }: PanelViewProps) {
  const { serverNow, touchpoints } = usePanel();
  const [answered, setAnswered] = useState<ObsStatus | null>(null);
  const data = useObsData(socket);
  const loaded = data.status.state === 'ready' ? data.status.value : null;
  // The load, this screen's own connect answers and the hub's copy: whichever is newest is the truth.
  const shown = newerStatus(newerStatus(loaded, answered), state.obs);
  const isConnected = shown?.state === 'connected';
  const { scenes, reloadScenes } = useObsScenes(isConnected);
  useTicker(shown?.nextRetryAt != null, 1000);
  const text = describeObs(shown, serverNow());

  return (
    <div className="screen obs-screen">
      <section className={`card obs-status obs-status--${text.tone}`} aria-labelledby="obs-status-title">
        <h2 id="obs-status-title">OBS</h2>
        {data.status.state === 'error' && !shown ? (
          <LoadFailed what="the OBS status" message={data.status.message} onRetry={data.retry} />
        ) : (
          <>
            <p className="obs-status__headline" role="status">
              {text.headline}
            </p>
            {shown?.message && <p>{shown.message}</p>}
            {isConnected && (shown.obsVersion || shown.websocketVersion) && (
              <p className="muted">
                {[
                  shown.obsVersion && `OBS ${shown.obsVersion}`,
                  shown.websocketVersion && `obs-websocket ${shown.websocketVersion}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
            {text.hint && <p className="muted">{text.hint}</p>}
          </>
        )}
      </section>

      <ObsConnectForm status={shown} onStatus={setAnswered} />

      <ObsScenes scenes={scenes} connected={isConnected} onReload={reloadScenes} />

      <OverlaySetup
        connected={isConnected}
        scenes={scenes?.state === 'ready' ? scenes.value.scenes : []}
        drops={state.drops}
        touchpoints={touchpoints}
      />

      <section className="card obs-health" aria-labelledby="obs-health-title">
        <h2 id="obs-health-title">Stream health</h2>
        {(state.health ?? data.health) ? (
          <StreamHealthView health={state.health ?? data.health} />
        ) : (
          <p className="muted">No reading yet: OBS reports stream health once it is connected.</p>
        )}
      </section>

      <ObsFailures failures={data.failures} drops={state.drops} onRetry={data.retry} />
    </div>
  );
}
