import type { PanelViewProps } from '../shell/view-props';
import { DevicesPanel } from '../components/DevicesPanel';

/** Paired devices and the audit log (owner: ops). */
export function DevicesView(_props: PanelViewProps) {
  return <DevicesPanel />;
}
