import { describe, expect, it } from 'vitest';
import type { ShowReport } from '../../../shared/insights/report';
import { formatMoney } from '../../../renderer/src/lib/format';
import {
  formatCount,
  formatMinutes,
  formatRate,
  formatShare,
  humanize,
} from '../../../renderer/src/report/report-format';
import {
  attributionRows,
  dropRows,
  splitGroups,
  summaryFigures,
  touchpointLabel,
} from '../../../renderer/src/report/report-rows';

const row = (touchpoint: string, revenueCents: number) => ({
  touchpoint,
  label: touchpoint.toUpperCase(),
  creator: null,
  currency: 'EUR',
  conversions: 1,
  revenueCents,
});

const report: ShowReport = {
  show: {
    id: 1,
    name: 'Friday',
    startsAt: null,
    endsAt: null,
    createdAt: 0,
    dropIds: [1, 2],
    costs: [],
    splits: [],
  },
  drops: [
    { id: 1, title: 'Glow mug', state: 'ended', currency: 'EUR' },
    { id: 2, title: 'Tote', state: 'live', currency: 'EUR' },
  ],
  kpis: {
    showId: 1,
    computedAt: 0,
    clicksPerMinute: { minutes: 0, byTouchpoint: [], series: [] },
    conversionByTouchpoint: [],
    conversionByCreator: [],
    purchaseLag: { purchases: 2, medianMinutes: 12.5, p90Minutes: null },
    sellThrough: [],
    cpa: {
      byDrop: [
        { dropId: 1, title: 'Glow mug', currency: 'EUR', costCents: 5000, acquisitions: 2, cpaCents: 2500 },
      ],
      byTouchpoint: [],
      unallocated: [],
    },
    repeatPurchase: { buyers: 4, repeaters: 1, rate: 0.25 },
    repeatDrop: { priorBuyers: 0, returned: 0, rate: null },
    revenue: [
      {
        currency: 'EUR',
        grossCents: 13500,
        refundsCents: -2500,
        adjustmentsCents: 0,
        netCents: 11000,
        creatorSharesCents: 4275,
        hostNetCents: 6725,
      },
    ],
    households: { identified: 3, engaged: 2, rate: 2 / 3 },
  },
  attribution: {
    showId: 1,
    halfLifeMinutes: 60,
    rebuiltAt: 0,
    entries: 3,
    models: [
      { model: 'last_touch', rows: [row('stream', 0), row('venue', 6000), row('ana-dm', 6000)] },
      { model: 'linear', rows: [] },
    ],
  },
  splits: [
    { scope: 'show', dropId: null, currency: 'EUR', netCents: 5000, shares: [] },
    { scope: 'drop', dropId: 2, currency: 'EUR', netCents: 6000, shares: [] },
    { scope: 'drop', dropId: 9, currency: 'EUR', netCents: 0, shares: [] },
  ],
};

describe('report rows', () => {
  it('summary cards carry the API’s money, formatted like the rest of the panel', () => {
    const figures = Object.fromEntries(summaryFigures(report).map((f) => [f.label, f.value]));
    expect(figures['Net revenue']).toBe(formatMoney(11000, 'EUR'));
    expect(figures['Refunds']).toBe(formatMoney(-2500, 'EUR'));
    expect(figures['Host net after splits']).toBe(formatMoney(6725, 'EUR'));
    expect(figures['Repeat-drop conversion']).toBe('—');
    expect(figures['Engaged households']).toBe('2 of 3');
  });

  it('labels money cards with the currency only when a show has several', () => {
    const two: ShowReport = {
      ...report,
      kpis: {
        ...report.kpis,
        revenue: [...report.kpis.revenue, { ...report.kpis.revenue[0], currency: 'USD' }],
      },
    };
    const labels = summaryFigures(two).map((f) => f.label);
    expect(labels).toContain('Net revenue (EUR)');
    expect(labels).toContain('Net revenue (USD)');
  });

  it('lists every drop, with no CPA where the show spread no cost on it', () => {
    expect(dropRows(report)).toEqual([
      {
        id: 1,
        title: 'Glow mug',
        state: 'ended',
        currency: 'EUR',
        costCents: 5000,
        acquisitions: 2,
        cpaCents: 2500,
      },
      {
        id: 2,
        title: 'Tote',
        state: 'live',
        currency: 'EUR',
        costCents: null,
        acquisitions: 0,
        cpaCents: null,
      },
    ]);
  });

  it('orders a model’s touchpoints by revenue, ties by key; an absent model has no rows', () => {
    expect(attributionRows(report, 'last_touch').map((r) => r.touchpoint)).toEqual([
      'ana-dm',
      'venue',
      'stream',
    ]);
    expect(attributionRows(report, 'time_decay')).toEqual([]);
  });

  it('names touchpoints by their label, falling back to the key', () => {
    const known = [{ key: 'stream', label: 'Stream QR' }];
    expect(touchpointLabel('stream', known)).toBe('Stream QR');
    expect(touchpointLabel('gone', known)).toBe('gone');
  });

  it('titles split scopes: show-wide, the drop’s title, or its id when the drop is gone', () => {
    expect(splitGroups(report).map((g) => g.title)).toEqual(['Show-wide', 'Tote', 'Drop 9']);
  });
});

describe('report number formats', () => {
  it('writes null as a dash, never as zero', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatCount(null)).toBe('—');
    expect(formatMinutes(null)).toBe('—');
  });

  it('rates to one decimal, shares as typed', () => {
    expect(formatRate(2 / 3)).toBe('66.7 %');
    expect(formatRate(0)).toBe('0.0 %');
    expect(formatShare(1550)).toMatch(/^15[.,]5 %$/);
    expect(formatShare(1000)).toBe('10 %');
  });

  it('turns codes into words', () => {
    expect(humanize('sold_out')).toBe('Sold out');
    expect(humanize('last_touch')).toBe('Last touch');
  });
});
