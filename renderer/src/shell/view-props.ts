import type { Drop } from '../../../shared/drops';
import type { WhoAmI } from '../../../shared/devices';
import type { HubSocket } from '../api/hub';
import type { HubStatus } from '../api/useHub';
import type { PanelState } from '../lib/panel-state';

/** What every screen gets from the shell; the API client, clock and touchpoints come from usePanel(). */
export interface PanelViewProps {
  state: PanelState;
  me: WhoAmI;
  /** The control hub; screens subscribe to the events they show (and unsubscribe on unmount). */
  socket: HubSocket;
  hubStatus: HubStatus;
  /** An HTTP answer carried a newer drop: fold it into the shared state. */
  onUpdated: (drop: Drop) => void;
}
