import type { PanelViewProps } from '../shell/view-props';

/** The after-show report inside the panel (owner: ops). */
export function ReportView(_props: PanelViewProps) {
  return <p className="card muted">Report</p>;
}
