import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../../shared/stats';
import { toUplotData, touchpointSeries } from '../../../renderer/src/lib/stats-series';

const T0 = Date.UTC(2026, 11, 2, 18, 0);
const MIN = 60_000;
const row = (minute: number, touchpoint: string, over: Partial<StatsRow> = {}): StatsRow => ({
  minute,
  touchpoint,
  clicks: 0,
  uniqueClicks: 0,
  qrScans: 0,
  botClicks: 0,
  sales: 0,
  units: 0,
  revenueCents: 0,
  ...over,
});

describe('per-touchpoint chart series', () => {
  it('draws one line per touchpoint with the rows’ own values, quiet minutes as 0', () => {
    const rows = [
      row(T0, 'stream', { clicks: 4, uniqueClicks: 3 }),
      row(T0, 'maya-dm', { clicks: 1, uniqueClicks: 1 }),
      row(T0 + 3 * MIN, 'stream', { clicks: 2, uniqueClicks: 2, sales: 1 }),
    ];
    const clicks = touchpointSeries(rows, 'clicks');
    expect(clicks.minutes).toEqual([T0, T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN]);
    expect(clicks.touchpoints).toEqual(['maya-dm', 'stream']);
    expect(clicks.values).toEqual([
      [1, 0, 0, 0],
      [4, 0, 0, 2],
    ]);
    expect(touchpointSeries(rows, 'uniqueClicks').values[1]).toEqual([3, 0, 0, 2]);
    expect(touchpointSeries(rows, 'sales').values[1]).toEqual([0, 0, 0, 1]);
  });

  it('does not depend on the order rows arrive in (hub patches come newest last)', () => {
    const rows = [row(T0 + MIN, 'venue', { clicks: 5 }), row(T0, 'venue', { clicks: 2 })];
    expect(touchpointSeries(rows, 'clicks')).toEqual({
      minutes: [T0, T0 + MIN],
      touchpoints: ['venue'],
      values: [[2, 5]],
    });
  });

  it('is empty without rows, and feeds uPlot x in unix seconds', () => {
    expect(touchpointSeries([], 'clicks')).toEqual({ minutes: [], touchpoints: [], values: [] });
    const series = touchpointSeries([row(T0, 'stream', { clicks: 1 })], 'clicks');
    expect(toUplotData(series)).toEqual([[T0 / 1000], [1]]);
  });
});
