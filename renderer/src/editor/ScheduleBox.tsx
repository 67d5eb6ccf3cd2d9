import { useState, type FormEvent } from 'react';
import type { Drop } from '../../../shared/drops';
import type { Result } from '../../../shared/result';
import { usePanel } from '../api/panel-context';
import { ActionError } from '../components/ActionError';
import { Field } from '../components/Field';
import { fromDateTimeLocal, toDateTimeLocal } from './datetime-local';

interface Props {
  drop: Drop;
  onUpdated: (drop: Drop) => void;
}

/** Schedules a draft to start by itself (or moves/cancels a schedule); it then shows on the calendar. */
export function ScheduleBox({ drop, onUpdated }: Props) {
  const { api } = usePanel();
  const [at, setAt] = useState(drop.scheduledAt === null ? '' : toDateTimeLocal(drop.scheduledAt));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: () => Promise<Result<Drop>>): Promise<void> {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    onUpdated(result.value);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const epoch = fromDateTimeLocal(at);
    if (epoch === null) {
      setError('Pick a date and a time for the drop to start.');
      return;
    }
    void run(() => api.call('drop:schedule', { id: drop.id, at: epoch }));
  };

  const scheduled = drop.state === 'scheduled' && drop.scheduledAt !== null;
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="schedule-title">
      <h2 id="schedule-title">Schedule</h2>
      <p className="muted">
        {scheduled
          ? `Starts by itself on ${new Date(drop.scheduledAt ?? 0).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })}.`
          : 'Not scheduled: it starts when someone presses Start on the Live screen.'}
      </p>
      <Field name="scheduledAt" label="Start at" type="datetime-local" value={at} onChange={setAt} />
      <ActionError error={error} />
      <div className="controls__row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {scheduled ? 'Move schedule' : 'Schedule'}
        </button>
        {scheduled && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void run(() => api.call('drop:unschedule', { id: drop.id }))}
          >
            Unschedule
          </button>
        )}
      </div>
    </form>
  );
}
