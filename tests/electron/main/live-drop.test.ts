import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import { dropRecord } from '../../support/drop-record';
import { dropActions, focusDrop } from '../../../shared/drop-focus';
import { actionForShortcut, trayTitle } from '../../../electron/main/live-drop';

const NOW = Date.UTC(2026, 11, 2, 20, 0, 0);
const drop = (over: Partial<Drop>): Drop => dropRecord({ createdAt: NOW, updatedAt: NOW, ...over });

describe('the tray and global shortcuts follow the drop on air', () => {
  it('focuses the live drop first, then a sold-out one, then the next scheduled; never a draft', () => {
    const draft = drop({ id: 1 });
    const soon = drop({ id: 2, state: 'scheduled', scheduledAt: NOW + 60_000 });
    const later = drop({ id: 3, state: 'scheduled', scheduledAt: NOW + 3_600_000 });
    const soldOut = drop({ id: 4, state: 'sold_out' });
    const live = drop({ id: 5, state: 'live', startedAt: NOW - 1000, endsAt: NOW + 252_000 });
    expect(focusDrop([draft])).toBeNull();
    expect(focusDrop([draft, later, soon])?.id).toBe(2);
    expect(focusDrop([draft, later, soon, soldOut])?.id).toBe(4);
    expect(focusDrop([draft, later, soon, soldOut, live])?.id).toBe(5);
  });

  it('says what is on air in one line, with stock and time left while live', () => {
    expect(trayTitle(null, NOW)).toBe('DropDeck · no drop on air');
    expect(trayTitle(drop({ state: 'live', stock: 3, endsAt: NOW + 252_400 }), NOW)).toBe(
      'Glow mug · live · 3 left · 4:13',
    );
    expect(trayTitle(drop({ state: 'sold_out' }), NOW)).toBe('Glow mug · sold out');
  });

  it('offers only the controls the state allows, and maps each shortcut to one of them', () => {
    const live = drop({ id: 9, state: 'live', endsAt: NOW + 60_000 });
    expect(dropActions(live).map((a) => a.label)).toEqual(['+30 s', '+1 min', 'End drop']);
    expect(dropActions(drop({ state: 'scheduled', scheduledAt: NOW + 1 })).map((a) => a.label)).toEqual([
      'Start now',
    ]);
    expect(dropActions(drop({ state: 'ended' }))).toEqual([]);
    expect(actionForShortcut('CommandOrControl+Alt+Up', live)).toEqual({
      label: '+30 s',
      command: 'drop:extend',
      input: { id: 9, seconds: 30 },
    });
    expect(actionForShortcut('CommandOrControl+Alt+E', live)?.command).toBe('drop:end');
    // "Start" on a live drop does nothing rather than something surprising.
    expect(actionForShortcut('CommandOrControl+Alt+S', live)).toBeNull();
    expect(actionForShortcut('CommandOrControl+Alt+E', null)).toBeNull();
  });
});
