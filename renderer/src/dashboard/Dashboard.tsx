import type { PanelViewProps } from '../shell/view-props';
import { DropList } from '../components/DropList';

/** The live show on one screen (owner: dashboard). */
export function Dashboard({ state, onUpdated }: PanelViewProps) {
  return <DropList drops={state.drops} stats={state.stats} onUpdated={onUpdated} />;
}
