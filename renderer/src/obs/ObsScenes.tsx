import type { ObsSceneList } from '../../../shared/obs';
import { LoadFailed } from '../components/LoadFailed';
import type { Load } from '../links/useLoad';

interface Props {
  scenes: Load<ObsSceneList> | null;
  connected: boolean;
  onReload: () => void;
}

/** OBS's scenes in the order of its Scenes dock, the one on air marked, so drop actions can name them. */
export function ObsScenes({ scenes, connected, onReload }: Props) {
  return (
    <section className="card obs-scenes" aria-labelledby="obs-scenes-title">
      <div className="obs-card__header">
        <h2 id="obs-scenes-title">Scenes</h2>
        {connected && (
          <button type="button" className="button button--quiet" onClick={onReload}>
            Refresh scenes
          </button>
        )}
      </div>
      {!connected || scenes === null ? (
        <p className="muted">Connect to OBS to see its scenes.</p>
      ) : scenes.state === 'loading' ? (
        <p className="muted">Loading scenes…</p>
      ) : scenes.state === 'error' ? (
        <LoadFailed what="the scenes" message={scenes.message} onRetry={onReload} />
      ) : scenes.value.scenes.length === 0 ? (
        <p className="muted">OBS has no scenes yet.</p>
      ) : (
        <ul className="scene-list" aria-label="OBS scenes">
          {scenes.value.scenes.map((name) => {
            const onAir = name === scenes.value.currentProgramScene;
            return (
              <li key={name} className={onAir ? 'scene scene--program' : 'scene'}>
                <span className="scene__name">{name}</span>
                {onAir && <span className="badge scene__on-air">On air</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
