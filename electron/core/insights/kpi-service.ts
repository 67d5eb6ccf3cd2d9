import type { LiveKpis, ShowKpis } from '../../../shared/insights/kpis';
import { HOST_PARTY } from '../../../shared/insights/splits';
import { MINUTE_MS, minuteOf } from '../../../shared/stats';
import type { Clock } from '../clock';
import { notFound } from '../domain-error';
import type { KpiRepo } from '../store/kpi-repo';
import type { FactEntry, ShowFactsRepo } from '../store/show-facts-repo';
import type { ShowsRepo } from '../store/shows-repo';
import { costPerAcquisition } from './cpa';
import { nearestRank, rate, sellThroughWindows } from './kpi-math';
import type { SplitService } from './split-service';

export interface KpiServiceDeps {
  kpis: KpiRepo;
  facts: ShowFactsRepo;
  shows: ShowsRepo;
  splits: SplitService;
  clock: Clock;
}

type KeyCount = { key: string; n: number };

/** Every KPI of issue 8, one documented formula each (docs/kpis.md; the formula sits by its code). */
export class KpiService {
  constructor(private readonly d: KpiServiceDeps) {}

  show(showId: number): ShowKpis {
    const show = this.d.shows.row(showId);
    if (!show) throw notFound(`Show ${showId}`);
    const { kpis } = this.d;
    const entries = this.d.facts.entries(showId);
    const drops = kpis.drops(showId);
    const repeat = kpis.repeat(showId);
    const repeatDrop = kpis.repeatDrop(showId);
    const households = kpis.households(showId);
    return {
      showId,
      computedAt: this.d.clock.now(),
      clicksPerMinute: this.clicksPerMinute(showId),
      conversionByTouchpoint: conversion(
        kpis.visitorsByTouchpoint(showId),
        kpis.purchasesByTouchpoint(showId),
      ),
      conversionByCreator: conversion(kpis.visitorsByCreator(showId), kpis.purchasesByCreator(showId)),
      purchaseLag: this.lag(showId),
      sellThrough: this.sellThrough(showId, show, drops, entries),
      cpa: costPerAcquisition({
        drops,
        entries,
        costs: this.d.shows.costs(showId),
        clicks: kpis.clicksByDropTouchpoint(showId),
      }),
      repeatPurchase: { ...repeat, rate: rate(repeat.repeaters, repeat.buyers) },
      repeatDrop: {
        priorBuyers: repeatDrop.prior,
        returned: repeatDrop.returned,
        rate: rate(repeatDrop.returned, repeatDrop.prior),
      },
      revenue: this.revenue(showId, entries),
      households: { ...households, rate: rate(households.engaged, households.identified) },
    };
  }

  live(showId: number, minutes: number): LiveKpis {
    if (!this.d.shows.row(showId)) throw notFound(`Show ${showId}`);
    const now = this.d.clock.now();
    const from = minuteOf(now) - (minutes - 1) * MINUTE_MS;
    return {
      showId,
      at: now,
      minutes,
      clicksPerMinute: this.clicksPerMinute(showId, from, minutes),
      conversionByTouchpoint: conversion(
        this.d.kpis.visitorsByTouchpoint(showId, from),
        this.d.kpis.purchasesByTouchpoint(showId, from),
      ),
      drops: this.d.kpis.drops(showId).map((d) => ({
        dropId: d.id,
        title: d.title,
        state: d.state,
        unitsTotal: d.units_total,
        unitsSold: d.units_sold,
        sellThrough: rate(d.units_sold, d.units_total),
      })),
    };
  }

  /**
   * Clicks per minute by touchpoint, from the per-minute rollup: perMinute = human clicks ÷ minutes,
   * where minutes spans the first to the last minute with a click (or the live window); peak = the
   * busiest single minute.
   */
  private clicksPerMinute(showId: number, from = 0, windowMinutes?: number): ShowKpis['clicksPerMinute'] {
    const series = this.d.kpis.minutes(showId, from);
    const minutes =
      windowMinutes ??
      (series.length === 0 ? 0 : (series[series.length - 1].minute - series[0].minute) / MINUTE_MS + 1);
    const by = new Map<string, { clicks: number; peak: number }>();
    for (const r of series) {
      const t = by.get(r.touchpoint) ?? { clicks: 0, peak: 0 };
      t.clicks += r.clicks;
      t.peak = Math.max(t.peak, r.clicks);
      by.set(r.touchpoint, t);
    }
    return {
      minutes,
      byTouchpoint: [...by]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([touchpoint, t]) => ({
          touchpoint,
          clicks: t.clicks,
          perMinute: minutes > 0 ? Math.round((t.clicks / minutes) * 100) / 100 : 0,
          peak: t.peak,
        })),
      series,
    };
  }

  /** Purchase time minus the first human click of the buyer's visitor id on that drop; nearest rank. */
  private lag(showId: number): ShowKpis['purchaseLag'] {
    const lags = this.d.kpis.lagsMs(showId);
    const minutes = (ms: number | null): number | null =>
      ms === null ? null : Math.round((ms / MINUTE_MS) * 100) / 100;
    return {
      purchases: lags.length,
      medianMinutes: minutes(nearestRank(lags, 0.5)),
      p90Minutes: minutes(nearestRank(lags, 0.9)),
    };
  }

  private sellThrough(
    showId: number,
    show: { starts_at: number | null; ends_at: number | null },
    drops: Array<{ id: number; started_at: number | null; ended_at: number | null }>,
    entries: FactEntry[],
  ): ShowKpis['sellThrough'] {
    const dropIds = new Set(drops.map((d) => d.id));
    const sales = entries.filter((e) => e.drop_id !== null && dropIds.has(e.drop_id));
    const starts = drops.map((d) => d.started_at).filter((t): t is number => t !== null);
    const from = show.starts_at ?? (starts.length ? Math.min(...starts) : sales[0]?.at);
    if (from === undefined) return [];
    const ends = [...drops.map((d) => d.ended_at ?? d.started_at ?? from), ...sales.map((s) => s.at)];
    const to = show.ends_at !== null ? show.ends_at - 1 : Math.max(from, ...ends);
    return sellThroughWindows(from, to, this.d.kpis.movements(showId), sales);
  }

  /** Net revenue = Σ amount_cents (refunds are negative); creator shares from the splits; host net = the rest. */
  private revenue(showId: number, entries: FactEntry[]): ShowKpis['revenue'] {
    const by = new Map<string, ShowKpis['revenue'][number]>();
    const row = (currency: string) => {
      let r = by.get(currency);
      if (!r) {
        r = {
          currency,
          grossCents: 0,
          refundsCents: 0,
          adjustmentsCents: 0,
          netCents: 0,
          creatorSharesCents: 0,
          hostNetCents: 0,
        };
        by.set(currency, r);
      }
      return r;
    };
    for (const e of entries) {
      const r = row(e.currency);
      if (e.kind === 'purchase') r.grossCents += e.amount_cents;
      else if (e.kind === 'refund') r.refundsCents += e.amount_cents;
      else r.adjustmentsCents += e.amount_cents;
      r.netCents += e.amount_cents;
    }
    for (const scope of this.d.splits.scopes(showId, entries)) {
      const r = row(scope.currency);
      for (const s of scope.shares) if (s.creator !== HOST_PARTY) r.creatorSharesCents += s.cents;
    }
    for (const r of by.values()) r.hostNetCents = r.netCents - r.creatorSharesCents;
    return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }
}

/** conversion = purchases credited to the key ÷ distinct human visitor ids that clicked it. */
function conversion(visitors: KeyCount[], purchases: KeyCount[]): ShowKpis['conversionByTouchpoint'] {
  const keys = [...new Set([...visitors.map((v) => v.key), ...purchases.map((p) => p.key)])].sort();
  const v = new Map(visitors.map((r) => [r.key, r.n]));
  const p = new Map(purchases.map((r) => [r.key, r.n]));
  return keys.map((key) => ({
    key,
    visitors: v.get(key) ?? 0,
    purchases: p.get(key) ?? 0,
    rate: rate(p.get(key) ?? 0, v.get(key) ?? 0),
  }));
}
