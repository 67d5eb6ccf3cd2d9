import { describe, expect, it } from 'vitest';
import type { ObsDropActions } from '../../../shared/obs';
import {
  actionsFromRows,
  describeAction,
  newObsRow,
  rowsFromActions,
} from '../../../renderer/src/editor/obs-actions-model';

const actions: ObsDropActions = {
  start: [
    { type: 'setTransition', transition: 'Fade', durationMs: 400 },
    { type: 'switchScene', scene: 'Product close-up' },
  ],
  lastMinute: [{ type: 'setItemVisible', scene: 'Main', source: 'Hurry banner', visible: true }],
  end: [{ type: 'setItemVisible', scene: 'Main', source: 'Price tag', visible: false }],
};

describe('OBS action rows', () => {
  it('round-trip a drop’s actions, order and transition duration included', () => {
    const rows = rowsFromActions(actions);
    expect(rows.map((r) => [r.moment, r.kind])).toEqual([
      ['start', 'setTransition'],
      ['start', 'switchScene'],
      ['lastMinute', 'showSource'],
      ['end', 'hideSource'],
    ]);
    expect(actionsFromRows(rows)).toEqual({ actions, errors: {} });
  });

  it('are nothing at all when there are none', () => {
    expect(rowsFromActions(null)).toEqual([]);
    expect(actionsFromRows([])).toEqual({ actions: undefined, errors: {} });
  });

  it('trim names and refuse rows missing what OBS needs', () => {
    const ok = { ...newObsRow('soldOut'), scene: '  Sold out  ' };
    const noScene = { ...newObsRow('start'), kind: 'hideSource' as const, source: 'Logo' };
    const noTransition = { ...newObsRow('end'), kind: 'setTransition' as const };
    const result = actionsFromRows([ok, noScene, noTransition]);
    expect(result.actions).toEqual({ soldOut: [{ type: 'switchScene', scene: 'Sold out' }] });
    expect(Object.keys(result.errors).sort()).toEqual(
      [`obs.${noScene.key}.scene`, `obs.${noTransition.key}.transition`].sort(),
    );
  });

  it('read as a person would say them', () => {
    expect(describeAction({ type: 'switchScene', scene: 'Close-up' })).toBe('Switch to scene "Close-up"');
    expect(describeAction({ type: 'setItemVisible', scene: 'Main', source: 'Tag', visible: false })).toBe(
      'Hide "Tag" in "Main"',
    );
    expect(describeAction({ type: 'setTransition', transition: 'Fade', durationMs: 300 })).toBe(
      'Set transition "Fade" (300 ms)',
    );
  });
});
