import { useState } from 'react';
import type { Drop } from '../../../shared/drops';
import type { Result } from '../../../shared/result';
import { usePanel } from '../api/panel-context';
import { parseWholeNumber } from '../lib/format';
import { ActionError } from './ActionError';

interface Props {
  drop: Drop;
  onUpdated: (drop: Drop) => void;
}

/**
 * The live-show buttons. Which ones are enabled follows the drop's state, but the core has the final
 * word: a refused action (ended meanwhile, already sold out) shows the core's reason under the buttons.
 */
export function DropControls({ drop, onUpdated }: Props) {
  const { api } = usePanel();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [units, setUnits] = useState('10');

  const run = async (action: () => Promise<Result<Drop>>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (result.ok) onUpdated(result.value);
    else setError(result.error.message);
  };
  const act = (action: () => Promise<Result<Drop>>) => () => void run(action);

  const startable = drop.state === 'draft' || drop.state === 'scheduled';
  const running = drop.state === 'live';
  const endable = drop.state === 'live' || drop.state === 'sold_out' || drop.state === 'scheduled';
  const restockable = drop.state === 'live' || drop.state === 'sold_out';

  const restock = (): void => {
    const n = parseWholeNumber(units);
    if (n === null || n < 1) {
      setError('Restock needs a whole number of units, 1 or more.');
      return;
    }
    void run(() => api.call('drop:restock', { id: drop.id, units: n }));
  };

  return (
    <div className="controls">
      <div className="controls__row">
        <button
          type="button"
          className="button button--go"
          disabled={busy || !startable}
          onClick={act(() => api.call('drop:start', { id: drop.id }))}
        >
          Start
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !running}
          onClick={act(() => api.call('drop:extend', { id: drop.id, seconds: 30 }))}
        >
          +30 s
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !running}
          onClick={act(() => api.call('drop:extend', { id: drop.id, seconds: 60 }))}
        >
          +60 s
        </button>
        <button
          type="button"
          className="button button--stop"
          disabled={busy || !endable}
          onClick={act(() => api.call('drop:end', { id: drop.id }))}
        >
          End
        </button>
      </div>
      <div className="controls__row">
        <label className="inline-field">
          <span>Units</span>
          <input value={units} onChange={(e) => setUnits(e.target.value)} inputMode="numeric" size={5} />
        </label>
        <button type="button" className="button" disabled={busy || !restockable} onClick={restock}>
          Restock
        </button>
      </div>
      <ActionError error={error} />
    </div>
  );
}
