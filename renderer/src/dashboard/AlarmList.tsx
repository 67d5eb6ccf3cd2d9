import type { Alarm } from './alarms';
import './alarms.css';

interface Props {
  alarms: readonly Alarm[];
  onDismiss: (id: string) => void;
  webhookError: string | null;
  onRetryWebhooks: () => void;
}

/**
 * Everything that needs the host's attention now. The alert container is always in the page, so a
 * screen reader announces an alarm the moment it appears.
 */
export function AlarmList({ alarms, onDismiss, webhookError, onRetryWebhooks }: Props) {
  return (
    <section
      className={alarms.length > 0 ? 'card dash-alarms dash-alarms--active' : 'card dash-alarms'}
      aria-labelledby="dash-alarms-title"
    >
      <h2 id="dash-alarms-title" className="dash-title">
        Alarms
      </h2>
      <div role="alert">
        {alarms.length > 0 && (
          <ul className="dash-alarm-list">
            {alarms.map((alarm) => (
              <li key={alarm.id} className="dash-alarm">
                <div className="dash-alarm__text">
                  <strong>{alarm.title}</strong>
                  <span>{alarm.detail}</span>
                </div>
                {alarm.dismissable && (
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Dismiss: ${alarm.title}`}
                    onClick={() => onDismiss(alarm.id)}
                  >
                    Dismiss
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {alarms.length === 0 && <p className="muted dash-quiet">No alarms right now.</p>}
      {webhookError && (
        <div className="form-error dash-inline-error">
          <p>Webhook counters could not be loaded: {webhookError}</p>
          <button type="button" className="button" onClick={onRetryWebhooks}>
            Retry
          </button>
        </div>
      )}
    </section>
  );
}
