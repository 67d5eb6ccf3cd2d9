import type { PanelViewProps } from '../shell/view-props';
import { CreateDropForm } from '../components/CreateDropForm';

/** Shows, drops, tiers, touchpoints (owner: editor). */
export function DropsView({ onUpdated }: PanelViewProps) {
  return <CreateDropForm onCreated={onUpdated} />;
}
