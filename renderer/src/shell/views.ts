/**
 * The panel's screens. One list, so the navigation, the hash route and the role filter agree.
 * `hostOnly` screens shape the show (editor, devices, OBS settings); co-hosts run drops, so they see
 * the live view, the calendar, links, the report and chat.
 */
export const PANEL_VIEWS = [
  { id: 'live', label: 'Live', hostOnly: false },
  { id: 'drops', label: 'Shows & drops', hostOnly: true },
  { id: 'calendar', label: 'Calendar', hostOnly: false },
  { id: 'links', label: 'Links & QR', hostOnly: false },
  { id: 'obs', label: 'OBS', hostOnly: true },
  { id: 'devices', label: 'Devices & audit', hostOnly: true },
  { id: 'report', label: 'Report', hostOnly: false },
  { id: 'chat', label: 'Chat', hostOnly: false },
] as const;

export type PanelViewId = (typeof PANEL_VIEWS)[number]['id'];
export type PanelRole = 'host' | 'cohost';

export function viewsFor(role: PanelRole): (typeof PANEL_VIEWS)[number][] {
  return PANEL_VIEWS.filter((v) => role === 'host' || !v.hostOnly);
}

/** `#/drops` → 'drops'; anything else (no hash, `#pair=…`, a screen this role lacks) → 'live'. */
export function viewFromHash(hash: string, role: PanelRole): PanelViewId {
  const id = hash.startsWith('#/') ? hash.slice(2) : '';
  return viewsFor(role).find((v) => v.id === id)?.id ?? 'live';
}
