import type { Drop } from '../../shared/drops';

/**
 * Which drop the tray and the global shortcuts act on: the live one (latest start), else a sold-out
 * one (it can still be restocked or ended), else the next scheduled one (it can be started early).
 * Plain data in, plain data out, so it is tested without Electron.
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

const mmss = (ms: number): string => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The tray's one-line summary ("Glow mug · live · 3 left · 4:12"), or the idle line. */
export function trayTitle(drop: Drop | null, now: number): string {
  if (!drop) return 'DropDeck · no drop on air';
  switch (drop.state) {
    case 'live':
      return `${drop.title} · live · ${drop.stock} left · ${mmss((drop.endsAt ?? now) - now)}`;
    case 'sold_out':
      return `${drop.title} · sold out`;
    case 'scheduled':
      return `${drop.title} · starts ${new Date(drop.scheduledAt ?? now).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
    default:
      return `${drop.title} · ${drop.state}`;
  }
}

/** A drop control the tray menu and the global shortcuts offer: a command of the contract. */
export type DropAction =
  | { label: string; command: 'drop:start'; input: { id: number } }
  | { label: string; command: 'drop:extend'; input: { id: number; seconds: number } }
  | { label: string; command: 'drop:end'; input: { id: number } };

/** What may be done to the focused drop right now, in menu order. */
export function dropActions(drop: Drop | null): DropAction[] {
  if (!drop) return [];
  const id = drop.id;
  if (drop.state === 'scheduled') return [{ label: 'Start now', command: 'drop:start', input: { id } }];
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
 * Global shortcuts (work while OBS has the focus): Ctrl/Cmd+Alt+… so they never collide with OBS's
 * own single-key hotkeys. Each maps to a label of `dropActions`, so a shortcut can only do what the
 * drop's state allows — the core refuses anything else anyway.
 */
export const GLOBAL_SHORTCUTS: ReadonlyArray<{ accelerator: string; label: DropAction['label'] }> = [
  { accelerator: 'CommandOrControl+Alt+S', label: 'Start now' },
  { accelerator: 'CommandOrControl+Alt+Up', label: '+30 s' },
  { accelerator: 'CommandOrControl+Alt+Right', label: '+1 min' },
  { accelerator: 'CommandOrControl+Alt+E', label: 'End drop' },
];

export function actionForShortcut(accelerator: string, drop: Drop | null): DropAction | null {
  const wanted = GLOBAL_SHORTCUTS.find((s) => s.accelerator === accelerator)?.label;
  return dropActions(drop).find((a) => a.label === wanted) ?? null;
}
