import type { Drop } from './drops';

/**
 * The drop on air: the one the tray, the desktop's global shortcuts and the panel's keyboard shortcuts
 * act on. The live one (latest start), else a sold-out one (it can still be restocked or ended), else
 * the next scheduled one (it can be started early). Plain data in and out, tested without a UI.
 */
export function focusDrop(drops: readonly Drop[]): Drop | null {
  const by = (state: Drop['state'], key: (d: Drop) => number): Drop | undefined =>
    drops.filter((d) => d.state === state).sort((a, b) => key(b) - key(a))[0];
  return (
    by('live', (d) => d.startedAt ?? 0) ??
    by('sold_out', (d) => d.updatedAt) ??
    by('scheduled', (d) => -(d.scheduledAt ?? Number.MAX_SAFE_INTEGER)) ??
    null
  );
}

/** A drop control offered by a shortcut or the tray menu: a command of the contract. */
export type DropAction =
  | { label: 'Start now'; command: 'drop:start'; input: { id: number } }
  | { label: '+30 s' | '+1 min'; command: 'drop:extend'; input: { id: number; seconds: number } }
  | { label: 'End drop'; command: 'drop:end'; input: { id: number } };
export type DropActionLabel = DropAction['label'];

/** What may be done to the focused drop right now, in menu order. */
export function dropActions(drop: Drop | null): DropAction[] {
  if (!drop) return [];
  const id = drop.id;
  // focusDrop never picks a draft (the tray must not start one by a stray key); the panel may.
  if (drop.state === 'scheduled' || drop.state === 'draft')
    return [{ label: 'Start now', command: 'drop:start', input: { id } }];
  if (drop.state === 'live') {
    return [
      { label: '+30 s', command: 'drop:extend', input: { id, seconds: 30 } },
      { label: '+1 min', command: 'drop:extend', input: { id, seconds: 60 } },
      { label: 'End drop', command: 'drop:end', input: { id } },
    ];
  }
  if (drop.state === 'sold_out') return [{ label: 'End drop', command: 'drop:end', input: { id } }];
  return [];
}

/**
 * The panel's keyboard target: the drop on air, else the newest draft (the one the host just made
 * and is about to show). The panel asks before acting, unlike the tray's global shortcuts.
 */
export function panelFocusDrop(drops: readonly Drop[]): Drop | null {
  return focusDrop(drops) ?? drops.filter((d) => d.state === 'draft').sort((a, b) => b.id - a.id)[0] ?? null;
}
