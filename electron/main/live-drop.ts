import type { Drop } from '../../shared/drops';
import { dropActions, type DropAction, type DropActionLabel } from '../../shared/drop-focus';

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

/**
 * Global shortcuts (work while OBS has the focus): Ctrl/Cmd+Alt+… so they never collide with OBS's
 * own single-key hotkeys. Each maps to a label of `dropActions`, so a shortcut can only do what the
 * drop's state allows — the core refuses anything else anyway.
 */
export const GLOBAL_SHORTCUTS: ReadonlyArray<{ accelerator: string; label: DropActionLabel }> = [
  { accelerator: 'CommandOrControl+Alt+S', label: 'Start now' },
  { accelerator: 'CommandOrControl+Alt+Up', label: '+30 s' },
  { accelerator: 'CommandOrControl+Alt+Right', label: '+1 min' },
  { accelerator: 'CommandOrControl+Alt+E', label: 'End drop' },
];

export function actionForShortcut(accelerator: string, drop: Drop | null): DropAction | null {
  const wanted = GLOBAL_SHORTCUTS.find((s) => s.accelerator === accelerator)?.label;
  return dropActions(drop).find((a) => a.label === wanted) ?? null;
}
