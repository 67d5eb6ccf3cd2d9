import type { PanelViewProps } from '../shell/view-props';

/** OBS connection, scenes, overlay setup (owner: ops). */
export function ObsView(_props: PanelViewProps) {
  return <p className="card muted">OBS</p>;
}
