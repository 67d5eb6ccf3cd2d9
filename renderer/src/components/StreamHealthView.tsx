import type { StreamHealth } from '../../../shared/hub-events';

const percent = (part: number, whole: number): string =>
  whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '0%';

/** The numbers a host checks mid-stream: are we live, and is the encoder or network dropping frames. */
export function StreamHealthView({ health }: { health: StreamHealth | null }) {
  if (!health) return null;
  const dropped = percent(health.outputSkippedFrames, health.outputTotalFrames);
  const lagged = percent(health.renderSkippedFrames, health.renderTotalFrames);
  return (
    <dl className="health" aria-label="Stream health">
      <div>
        <dt>Stream</dt>
        <dd>
          {health.reconnecting
            ? 'reconnecting'
            : health.streaming
              ? (health.streamTimecode ?? 'live')
              : 'off'}
        </dd>
      </div>
      <div>
        <dt>Recording</dt>
        <dd>{health.recording ? 'on' : 'off'}</dd>
      </div>
      <div>
        <dt>Dropped (network)</dt>
        <dd>{dropped}</dd>
      </div>
      <div>
        <dt>Lagged (render)</dt>
        <dd>{lagged}</dd>
      </div>
      <div>
        <dt>FPS</dt>
        <dd>{health.activeFps.toFixed(0)}</dd>
      </div>
      <div>
        <dt>CPU</dt>
        <dd>{health.cpuUsage.toFixed(0)}%</dd>
      </div>
    </dl>
  );
}
