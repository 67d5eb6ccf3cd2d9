import { describe, expect, it } from 'vitest';
import { dropActions, panelFocusDrop } from '../../../shared/drop-focus';
import { confirmationFor, doneMessage } from '../../../renderer/src/lib/drop-confirmations';
import { shortcutAction, type KeyLike } from '../../../renderer/src/lib/panel-shortcuts';
import { dropRecord } from '../../support/drop-record';

const key = (code: string, over: Partial<KeyLike> = {}): KeyLike => ({
  code,
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  ...over,
});

describe('panel drop controls', () => {
  it('maps Alt+S/↑/→/E to start, +30 s, +1 min and end, and nothing else', () => {
    expect(shortcutAction(key('KeyS'))).toBe('Start now');
    expect(shortcutAction(key('ArrowUp'))).toBe('+30 s');
    expect(shortcutAction(key('ArrowRight'))).toBe('+1 min');
    expect(shortcutAction(key('KeyE'))).toBe('End drop');
    // Typing, the desktop's global Ctrl+Alt+… combos, and a held key do nothing here.
    expect(shortcutAction(key('KeyS', { altKey: false }))).toBeNull();
    expect(shortcutAction(key('KeyS', { ctrlKey: true }))).toBeNull();
    expect(shortcutAction(key('ArrowUp', { repeat: true }))).toBeNull();
    expect(shortcutAction(key('KeyX'))).toBeNull();
  });

  it('targets the drop on air, else the newest draft', () => {
    const old = dropRecord({ id: 1 });
    const fresh = dropRecord({ id: 2 });
    const live = dropRecord({ id: 3, state: 'live', startedAt: 5 });
    expect(panelFocusDrop([])).toBeNull();
    expect(panelFocusDrop([old, fresh])?.id).toBe(2);
    expect(panelFocusDrop([old, fresh, live])?.id).toBe(3);
    expect(dropActions(fresh).map((a) => a.label)).toEqual(['Start now']);
    expect(dropActions(dropRecord({ state: 'ended' }))).toEqual([]);
  });

  it('asks before ending, before a blind or early start, never before extending', () => {
    const live = dropRecord({ state: 'live', sold: 7, stock: 3 });
    const [plus30, , end] = dropActions(live);
    const endQuestion = confirmationFor(end, live, 'button');
    expect(endQuestion).toMatchObject({
      title: 'End “Glow mug” now?',
      confirmLabel: 'End drop',
      danger: true,
    });
    expect(endQuestion?.body).toContain('7 sold, 3 left');
    expect(confirmationFor(plus30, live, 'shortcut')).toBeNull();

    const draft = dropRecord();
    const [start] = dropActions(draft);
    expect(confirmationFor(start, draft, 'button')).toBeNull();
    expect(confirmationFor(start, draft, 'shortcut')?.confirmLabel).toBe('Start now');
    const scheduled = dropRecord({ state: 'scheduled', scheduledAt: Date.UTC(2026, 11, 2, 20) });
    expect(confirmationFor(start, scheduled, 'button')?.title).toBe('Start “Glow mug” early?');
  });

  it('says what happened in words', () => {
    const live = dropRecord({ state: 'live' });
    const [plus30, plus60, end] = dropActions(live);
    expect(doneMessage(plus30, live)).toBe('Added 30 s to “Glow mug”.');
    expect(doneMessage(plus60, live)).toBe('Added 1 min to “Glow mug”.');
    expect(doneMessage(end, live)).toBe('“Glow mug” has ended.');
  });
});
