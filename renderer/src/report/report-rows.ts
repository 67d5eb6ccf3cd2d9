import type { AttributionModel, AttributionRow } from '../../../shared/insights/attribution';
import type { ShowReport } from '../../../shared/insights/report';
import type { SplitScope } from '../../../shared/insights/splits';
import type { Touchpoint } from '../../../shared/touchpoints';
import { formatMoney } from '../lib/format';
import { formatCount, formatMinutes, formatRate } from './report-format';

export interface Figure {
  label: string;
  value: string;
}

/** The cards a host reads first: money per currency, then how people bought. */
export function summaryFigures(r: ShowReport): Figure[] {
  const k = r.kpis;
  const figures: Figure[] = [];
  const several = k.revenue.length > 1;
  for (const rev of k.revenue) {
    const tag = several ? ` (${rev.currency})` : '';
    figures.push(
      { label: `Net revenue${tag}`, value: formatMoney(rev.netCents, rev.currency) },
      { label: `Host net after splits${tag}`, value: formatMoney(rev.hostNetCents, rev.currency) },
      { label: `Creator shares${tag}`, value: formatMoney(rev.creatorSharesCents, rev.currency) },
      { label: `Refunds${tag}`, value: formatMoney(rev.refundsCents, rev.currency) },
    );
  }
  figures.push(
    {
      label: 'Purchase lag (median / p90)',
      value: `${formatMinutes(k.purchaseLag.medianMinutes)} / ${formatMinutes(k.purchaseLag.p90Minutes)}`,
    },
    { label: 'Repeat purchase (30 d)', value: formatRate(k.repeatPurchase.rate) },
    { label: 'Repeat-drop conversion', value: formatRate(k.repeatDrop.rate) },
    {
      label: 'Engaged households',
      value: `${formatCount(k.households.engaged)} of ${formatCount(k.households.identified)}`,
    },
  );
  return figures;
}

export interface DropRow {
  id: number;
  title: string;
  state: string;
  currency: string;
  costCents: number | null;
  acquisitions: number;
  cpaCents: number | null;
}

/** Every drop of the show, with its cost per acquisition where the show had costs to spread. */
export function dropRows(r: ShowReport): DropRow[] {
  return r.drops.map((d) => {
    const cpa = r.kpis.cpa.byDrop.find((c) => c.dropId === d.id);
    return {
      id: d.id,
      title: d.title,
      state: d.state,
      currency: cpa?.currency ?? d.currency,
      costCents: cpa ? cpa.costCents : null,
      acquisitions: cpa?.acquisitions ?? 0,
      cpaCents: cpa?.cpaCents ?? null,
    };
  });
}

/** One model's credit per touchpoint, the biggest earner first (ties: by touchpoint key). */
export function attributionRows(r: ShowReport, model: AttributionModel): AttributionRow[] {
  const rows = r.attribution.models.find((m) => m.model === model)?.rows ?? [];
  return [...rows].sort(
    (a, b) => b.revenueCents - a.revenueCents || a.touchpoint.localeCompare(b.touchpoint),
  );
}

export interface SplitGroup {
  key: string;
  title: string;
  scope: SplitScope;
}

/** One group per split scope: a drop with its own split, or "Show-wide" for the others. */
export function splitGroups(r: ShowReport): SplitGroup[] {
  return r.splits.map((s) => ({
    key: `${s.scope}/${s.dropId ?? 'show'}/${s.currency}`,
    title:
      s.dropId === null ? 'Show-wide' : (r.drops.find((d) => d.id === s.dropId)?.title ?? `Drop ${s.dropId}`),
    scope: s,
  }));
}

/** A touchpoint's name as the host gave it ("Stream QR"), or its key when the panel does not know it. */
export function touchpointLabel(key: string, touchpoints: Pick<Touchpoint, 'key' | 'label'>[]): string {
  return touchpoints.find((t) => t.key === key)?.label ?? key;
}
