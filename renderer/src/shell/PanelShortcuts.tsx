import type { Drop } from '../../../shared/drops';
import { useDropShortcuts, type Notify } from './useDropShortcuts';

/** Mounted inside the panel's providers, so shortcuts confirm and call the API like the buttons. */
export function PanelShortcuts(props: {
  drops: readonly Drop[];
  onUpdated: (drop: Drop) => void;
  notify: Notify;
}) {
  useDropShortcuts(props.drops, props.onUpdated, props.notify);
  return null;
}
