import { CalendarView } from '../calendar/CalendarView';
import { ChatPanel } from '../components/ChatPanel';
import { Dashboard } from '../dashboard/Dashboard';
import { DevicesView } from '../audit/DevicesView';
import { DropsView } from '../editor/DropsView';
import { LinksView } from '../links/LinksView';
import { ObsView } from '../obs/ObsView';
import { ReportView } from '../report/ReportView';
import type { PanelViewProps } from './view-props';
import type { PanelViewId } from './views';

/** One screen at a time; each owns its data loading, empty and error states. */
export function PanelScreen({ view, ...props }: PanelViewProps & { view: PanelViewId }) {
  switch (view) {
    case 'live':
      return <Dashboard {...props} />;
    case 'drops':
      return <DropsView {...props} />;
    case 'calendar':
      return <CalendarView {...props} />;
    case 'links':
      return <LinksView {...props} />;
    case 'obs':
      return <ObsView {...props} />;
    case 'devices':
      return <DevicesView {...props} />;
    case 'report':
      return <ReportView {...props} />;
    case 'chat':
      return <ChatPanel socket={props.socket} />;
  }
}
