import type { DropActionLabel } from '../../../shared/drop-focus';

/**
 * In-window shortcuts for the drop on air. Alt+… (Option on a Mac) so they never fire while typing a
 * title, and the same keys as the desktop's global Ctrl/Cmd+Alt+… ones, so hands learn one set.
 * `code` (the physical key) rather than `key`: Option+S types "ß" on a Mac.
 */
export const PANEL_SHORTCUTS: ReadonlyArray<{
  code: string;
  aria: string;
  hint: string;
  label: DropActionLabel;
}> = [
  { code: 'KeyS', aria: 'Alt+S', hint: 'Alt+S', label: 'Start now' },
  { code: 'ArrowUp', aria: 'Alt+ArrowUp', hint: 'Alt+↑', label: '+30 s' },
  { code: 'ArrowRight', aria: 'Alt+ArrowRight', hint: 'Alt+→', label: '+1 min' },
  { code: 'KeyE', aria: 'Alt+E', hint: 'Alt+E', label: 'End drop' },
];

export interface KeyLike {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
}

/** The action a key press asks for, or null. A held key (auto-repeat) never extends twice. */
export function shortcutAction(event: KeyLike): DropActionLabel | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return null;
  return PANEL_SHORTCUTS.find((s) => s.code === event.code)?.label ?? null;
}

export function shortcutFor(label: DropActionLabel): { aria: string; hint: string } | undefined {
  return PANEL_SHORTCUTS.find((s) => s.label === label);
}
