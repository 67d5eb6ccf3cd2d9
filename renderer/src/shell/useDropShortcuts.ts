import { useEffect, useRef } from 'react';
import { dropActions, panelFocusDrop, type DropActionLabel } from '../../../shared/drop-focus';
import type { Drop } from '../../../shared/drops';
import { useDropCommand } from '../hooks/useDropCommand';
import { doneMessage } from '../lib/drop-confirmations';
import { shortcutAction } from '../lib/panel-shortcuts';

export type Notify = (text: string, tone: 'ok' | 'error') => void;

function nothingToDo(label: DropActionLabel, drop: Drop | null): string {
  if (!drop) return 'No drop to control yet: create one under “Shows & drops”.';
  return `“${drop.title}” is ${drop.state.replace('_', ' ')}: “${label}” does not apply now.`;
}

/**
 * Alt+S / Alt+↑ / Alt+→ / Alt+E act on the drop on air from any screen, with the same confirmations
 * as the buttons. Every press gets an answer on screen (done, refused, or nothing to do), because the
 * host pressed it without looking.
 */
export function useDropShortcuts(
  drops: readonly Drop[],
  onUpdated: (drop: Drop) => void,
  notify: Notify,
): void {
  const run = useDropCommand();
  const latest = useRef(drops);
  useEffect(() => {
    latest.current = drops;
  }, [drops]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const label = shortcutAction(event);
      // While a confirmation is open its own buttons and Escape are in charge.
      if (!label || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      const drop = panelFocusDrop(latest.current);
      const action = dropActions(drop).find((a) => a.label === label);
      if (!drop || !action) {
        notify(nothingToDo(label, drop), 'error');
        return;
      }
      void run(action, drop, 'shortcut').then((result) => {
        if (!result) return;
        if (result.ok) {
          onUpdated(result.value);
          notify(doneMessage(action, result.value), 'ok');
        } else {
          notify(result.error.message, 'error');
        }
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, onUpdated, notify]);
}
