import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import type { ObsAction } from '../../../../shared/obs';
import { batchFailures, collapseActions, planBatch } from '../../../../electron/core/obs/action-batch';
import { momentsReached, visualStateActions } from '../../../../electron/core/obs/visual-state';
import { dropRecord } from '../../../support/drop-record';

const NOW = 1_800_000_000_000;

function drop(over: Partial<Drop>): Drop {
  return dropRecord({
    id: 7,
    title: 'Mug',
    state: 'live',
    stock: 5,
    priceCents: 100,
    durationSec: 600,
    checkoutUrl: 'https://shop.example.com/x',
    startedAt: NOW - 60_000,
    publicAt: NOW - 60_000,
    endsAt: NOW + 300_000,
    createdAt: NOW - 120_000,
    updatedAt: NOW,
    ...over,
  });
}

describe('planBatch', () => {
  it('keeps the host’s order and looks up scene-item ids inside the same batch', () => {
    const actions: ObsAction[] = [
      { type: 'setTransition', transition: 'Fade', durationMs: 300 },
      { type: 'switchScene', scene: 'Drop' },
      { type: 'setItemVisible', scene: 'Drop', source: 'Banner', visible: true },
    ];
    const plan = planBatch(actions);
    expect(plan.requests.map((r) => r.requestType)).toEqual([
      'SetCurrentSceneTransition',
      'SetCurrentSceneTransitionDuration',
      'SetCurrentProgramScene',
      'GetSceneItemId',
      'SetSceneItemEnabled',
    ]);
    expect(plan.owners).toEqual([0, 0, 1, 2, 2]);
    const lookup = plan.requests[3];
    const toggle = plan.requests[4];
    expect(lookup.outputVariables).toEqual({ item2: 'sceneItemId' });
    expect(toggle.inputVariables).toEqual({ sceneItemId: 'item2' });
  });

  it('names each failed action once, with OBS’s reason', () => {
    const actions: ObsAction[] = [
      { type: 'switchScene', scene: 'Drop' },
      { type: 'setItemVisible', scene: 'Drop', source: 'Gone', visible: true },
    ];
    const plan = planBatch(actions);
    const ok = { requestStatus: { result: true, code: 100 } };
    const bad = (comment: string) => ({ requestStatus: { result: false, code: 600, comment } });
    const results = [ok, bad('No scene items were found'), bad('sceneItemId not found')] as never;
    expect(batchFailures(actions, plan, results)).toEqual([
      'show "Gone" in "Drop": No scene items were found',
    ]);
  });
});

describe('re-applying a live drop’s look', () => {
  const actions = {
    start: [
      { type: 'switchScene', scene: 'Drop' },
      { type: 'setItemVisible', scene: 'Drop', source: 'Banner', visible: true },
    ],
    lastMinute: [{ type: 'setItemVisible', scene: 'Drop', source: 'Hurry', visible: true }],
    soldOut: [
      { type: 'setItemVisible', scene: 'Drop', source: 'Banner', visible: false },
      { type: 'switchScene', scene: 'Sold Out' },
    ],
    end: [{ type: 'switchScene', scene: 'Main' }],
  } satisfies Drop['obsActions'];

  it('a live drop well before its last minute shows its start look', () => {
    expect(momentsReached(drop({}), null, NOW)).toEqual(['start']);
    expect(visualStateActions(drop({ obsActions: actions }), null, NOW)).toEqual(
      actions.start.slice().reverse(),
    );
  });

  it('counts the last minute from the engine’s record or from the clock', () => {
    expect(momentsReached(drop({}), NOW - 1000, NOW)).toEqual(['start', 'lastMinute']);
    expect(momentsReached(drop({ endsAt: NOW + 30_000 }), null, NOW)).toEqual(['start', 'lastMinute']);
  });

  it('a sold-out drop ends on the sold-out scene with each item at its last visibility', () => {
    const look = visualStateActions(drop({ state: 'sold_out', obsActions: actions }), null, NOW);
    expect(look).toEqual([
      { type: 'setItemVisible', scene: 'Drop', source: 'Banner', visible: false },
      { type: 'switchScene', scene: 'Sold Out' },
    ]);
  });

  it('drops that are not running have no look to restore', () => {
    expect(momentsReached(drop({ state: 'ended' }), null, NOW)).toEqual([]);
    expect(visualStateActions(drop({ state: 'draft', obsActions: actions }), null, NOW)).toEqual([]);
  });

  it('collapsing keeps the last transition first and the scene switch last', () => {
    const collapsed = collapseActions([
      { type: 'switchScene', scene: 'A' },
      { type: 'setTransition', transition: 'Cut' },
      { type: 'switchScene', scene: 'B' },
      { type: 'setTransition', transition: 'Fade' },
    ]);
    expect(collapsed).toEqual([
      { type: 'setTransition', transition: 'Fade' },
      { type: 'switchScene', scene: 'B' },
    ]);
  });
});
