import { useState } from 'react';
import { dropActions, type DropAction, type DropActionLabel } from '../../../shared/drop-focus';
import type { Drop } from '../../../shared/drops';
import { usePanel } from '../api/panel-context';
import { useDropCommand } from '../hooks/useDropCommand';
import { doneMessage } from '../lib/drop-confirmations';
import { parseWholeNumber } from '../lib/format';
import { shortcutFor } from '../lib/panel-shortcuts';
import { ActionError } from './ActionError';

interface Props {
  drop: Drop;
  onUpdated: (drop: Drop) => void;
}

const BUTTONS: ReadonlyArray<{ label: DropActionLabel; text: string; className: string }> = [
  { label: 'Start now', text: 'Start', className: 'button button--go' },
  { label: '+30 s', text: '+30 s', className: 'button' },
  { label: '+1 min', text: '+60 s', className: 'button' },
  { label: 'End drop', text: 'End', className: 'button button--stop' },
];

/**
 * The live-show buttons. Which ones are enabled follows the drop's state, but the core has the final
 * word: a refused action (ended meanwhile, already sold out) shows the core's reason under the
 * buttons. The drop the shortcuts act on shows its keys on the buttons.
 */
export function DropControls({ drop, onUpdated }: Props) {
  const { api, focusDropId } = usePanel();
  const runCommand = useDropCommand();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [units, setUnits] = useState('10');
  const available = dropActions(drop);
  const isFocus = focusDropId === drop.id;

  const run = async (action: DropAction): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await runCommand(action, drop, 'button');
    setBusy(false);
    if (!result) return;
    if (result.ok) {
      onUpdated(result.value);
      setDone(doneMessage(action, result.value));
    } else {
      setError(result.error.message);
    }
  };

  const restockable = drop.state === 'live' || drop.state === 'sold_out';
  const restock = async (): Promise<void> => {
    const n = parseWholeNumber(units);
    if (n === null || n < 1) {
      setError('Restock needs a whole number of units, 1 or more.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api.call('drop:restock', { id: drop.id, units: n });
    setBusy(false);
    if (result.ok) {
      onUpdated(result.value);
      setDone(`Restocked ${n} units of “${drop.title}”.`);
    } else {
      setError(result.error.message);
    }
  };

  return (
    <div className="controls">
      <div className="controls__row">
        {BUTTONS.map((b) => {
          const action = available.find((a) => a.label === b.label);
          // Keys show only where they would do something, so the hint never lies.
          const keys = isFocus && action ? shortcutFor(b.label) : undefined;
          return (
            <button
              key={b.label}
              type="button"
              className={b.className}
              disabled={busy || !action}
              aria-keyshortcuts={keys?.aria}
              onClick={() => action && void run(action)}
            >
              {b.text}
              {keys && (
                <kbd className="controls__key" aria-hidden="true">
                  {keys.hint}
                </kbd>
              )}
            </button>
          );
        })}
      </div>
      <div className="controls__row">
        <label className="inline-field">
          <span>Units</span>
          <input value={units} onChange={(e) => setUnits(e.target.value)} inputMode="numeric" size={5} />
        </label>
        <button
          type="button"
          className="button"
          disabled={busy || !restockable}
          onClick={() => void restock()}
        >
          Restock
        </button>
      </div>
      <ActionError error={error} />
      <p className="controls__done" role="status">
        {done}
      </p>
    </div>
  );
}
