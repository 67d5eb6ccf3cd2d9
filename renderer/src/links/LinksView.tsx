import type { PanelViewProps } from '../shell/view-props';

/** Per-touchpoint links and QR, overlay URLs (owner: ops). */
export function LinksView(_props: PanelViewProps) {
  return <p className="card muted">Links</p>;
}
