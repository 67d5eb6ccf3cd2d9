import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import type { StatsRow } from '../../../shared/stats';
import {
  initialPanelState,
  mergeStatsRows,
  panelReducer,
  upsertDrop,
} from '../../../renderer/src/lib/panel-state';
import { toChartColumns } from '../../../renderer/src/lib/stats-series';
import { dropRecord } from '../../support/drop-record';

function drop(id: number, over: Partial<Drop> = {}): Drop {
  return dropRecord({
    id,
    title: `Drop ${id}`,
    priceCents: 1000,
    checkoutUrl: 'https://shop.example/',
    createdAt: 1,
    updatedAt: 1,
    ...over,
  });
}

const row = (minute: number, touchpoint: string, clicks: number, sales = 0): StatsRow => ({
  minute,
  touchpoint,
  clicks,
  uniqueClicks: clicks,
  qrScans: 0,
  botClicks: 0,
  sales,
  units: sales,
  revenueCents: sales * 1000,
});

describe('drops in the panel', () => {
  it('lists the newest drop first', () => {
    const drops = [drop(1), drop(3), drop(2)].reduce<Drop[]>(upsertDrop, []);
    expect(drops.map((d) => d.id)).toEqual([3, 2, 1]);
  });

  it('never lets an older copy of a drop overwrite a newer one', () => {
    const live = drop(1, { state: 'live', updatedAt: 20 });
    const staleDraft = drop(1, { state: 'draft', updatedAt: 10 });
    expect(upsertDrop([live], staleDraft)).toEqual([live]);
    expect(upsertDrop([staleDraft], live)).toEqual([live]);
  });

  it('takes the whole list from a hub snapshot, and OBS status with it', () => {
    const obs = {
      state: 'connected' as const,
      url: 'ws://x',
      message: null,
      obsVersion: null,
      websocketVersion: null,
      nextRetryAt: null,
      since: 1,
    };
    const state = panelReducer(
      { ...initialPanelState, drops: [drop(9)] },
      { type: 'snapshot', snapshot: { serverTime: 1, drops: [drop(1), drop(2)], recentSales: [], obs } },
    );
    expect(state.drops.map((d) => d.id)).toEqual([2, 1]);
    expect(state.obs).toEqual(obs);
  });
});

describe('stats', () => {
  it('replaces the rows a patch carries and keeps the others', () => {
    const merged = mergeStatsRows(
      [row(0, 'stream', 1), row(60_000, 'stream', 2)],
      [row(60_000, 'stream', 5)],
    );
    expect(merged.map((r) => r.clicks)).toEqual([1, 5]);
  });

  it('charts one point per minute with all touchpoints summed', () => {
    const columns = toChartColumns([
      row(60_000, 'venue', 2, 1),
      row(0, 'stream', 3),
      row(60_000, 'stream', 4),
    ]);
    expect(columns).toEqual([
      [0, 60],
      [3, 6],
      [0, 1],
    ]);
  });
});
