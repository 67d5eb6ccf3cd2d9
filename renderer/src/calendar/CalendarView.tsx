import type { PanelViewProps } from '../shell/view-props';

/** Week view of scheduled drops (owner: editor). */
export function CalendarView(_props: PanelViewProps) {
  return <p className="card muted">Calendar</p>;
}
