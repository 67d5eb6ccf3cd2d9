import type { Drop } from '../../../shared/drops';
import type { ObsActionFailure } from '../../../shared/hub-events';
import { LoadFailed } from '../components/LoadFailed';
import type { Load } from '../links/useLoad';

const MOMENT: Record<string, string> = {
  start: 'at start',
  lastMinute: 'in the last minute',
  soldOut: 'at sold out',
  end: 'at the end',
};

/** Drop steps OBS refused (a renamed scene, a missing source): the drop ran on, the show did not change. */
interface Props {
  failures: Load<ObsActionFailure[]>;
  drops: readonly Drop[];
  onRetry: () => void;
}

export function ObsFailures({ failures, drops, onRetry }: Props) {
  const dropName = (id: number): string => {
    const title = drops.find((d) => d.id === id)?.title;
    return title ? `“${title}”` : `drop ${id}`;
  };
  return (
    <section className="card obs-failures" aria-labelledby="obs-failures-title">
      <h2 id="obs-failures-title">OBS steps that failed</h2>
      {failures.state === 'loading' && <p className="muted">Loading…</p>}
      {failures.state === 'error' && (
        <LoadFailed what="the failed OBS steps" message={failures.message} onRetry={onRetry} />
      )}
      {failures.state === 'ready' && failures.value.length === 0 && (
        <p className="muted">None: every drop’s OBS steps ran.</p>
      )}
      {failures.state === 'ready' && failures.value.length > 0 && (
        <ul className="failure-list">
          {failures.value.map((f) => (
            <li key={`${f.dropId}-${f.moment}-${f.at}`}>
              <span className="muted">
                {new Date(f.at).toLocaleTimeString()} · {dropName(f.dropId)} {MOMENT[f.moment] ?? f.moment}
              </span>
              <span>{f.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
