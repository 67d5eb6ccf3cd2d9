import type { ShowReport } from '../../../shared/insights/report';
import { el, section, table, type Column } from './dom';
import { dateTime, minutes, money, num, percent, time } from './format';

/** The summary cards: what a host reads first after the show. */
export function summary(r: ShowReport): HTMLElement {
  const k = r.kpis;
  const cards: Array<[string, string]> = [];
  for (const rev of k.revenue) {
    cards.push([`Net revenue (${rev.currency})`, money(rev.netCents, rev.currency)]);
    cards.push([`Host net after splits`, money(rev.hostNetCents, rev.currency)]);
    cards.push([`Creator shares`, money(rev.creatorSharesCents, rev.currency)]);
  }
  cards.push([
    'Purchase lag (median / p90)',
    `${minutes(k.purchaseLag.medianMinutes)} / ${minutes(k.purchaseLag.p90Minutes)}`,
  ]);
  cards.push(['Repeat purchase (30 d)', percent(k.repeatPurchase.rate)]);
  cards.push(['Repeat-drop conversion', percent(k.repeatDrop.rate)]);
  cards.push(['Engaged households', `${k.households.engaged} of ${k.households.identified}`]);
  return el(
    'section',
    { class: 'cards', id: 'summary' },
    ...cards.map(([label, value]) =>
      el('div', { class: 'card' }, el('span', { class: 'label' }, label), el('strong', {}, value)),
    ),
  );
}

export function conversionTables(r: ShowReport): HTMLElement[] {
  type Row = ShowReport['kpis']['conversionByTouchpoint'][number];
  const cols = (what: string): Array<Column<Row>> => [
    { label: what, value: (x) => x.key },
    { label: 'Visitors', value: (x) => num(x.visitors), num: true },
    { label: 'Purchases', value: (x) => num(x.purchases), num: true },
    { label: 'Conversion', value: (x) => percent(x.rate), num: true },
  ];
  return [
    table(
      'conversion-touchpoint',
      'Conversion by touchpoint',
      cols('Touchpoint'),
      r.kpis.conversionByTouchpoint,
    ),
    table(
      'conversion-creator',
      'Conversion by creator / referrer',
      cols('Creator'),
      r.kpis.conversionByCreator,
    ),
  ];
}

/** Every model side by side: one row per touchpoint and currency, conversions and revenue per model. */
export function attributionTable(r: ShowReport): HTMLElement {
  const models = r.attribution.models.map((m) => m.model);
  const keys = new Map<string, { touchpoint: string; currency: string }>();
  for (const m of r.attribution.models)
    for (const row of m.rows) keys.set(`${row.touchpoint}/${row.currency}`, row);
  const cell = (model: string, key: string) =>
    r.attribution.models
      .find((m) => m.model === model)
      ?.rows.find((x) => `${x.touchpoint}/${x.currency}` === key);
  const columns = [
    { label: 'Touchpoint', value: (k: string) => keys.get(k)?.touchpoint ?? k },
    ...models.map((model) => ({
      label: model.replace('_', ' '),
      num: true,
      value: (k: string) => {
        const c = cell(model, k);
        return c ? `${num(c.conversions, 2)} · ${money(c.revenueCents, c.currency)}` : '—';
      },
    })),
  ];
  const t = table(
    'attribution',
    `Attribution by model (purchases · net revenue; time decay half-life ${r.attribution.halfLifeMinutes} min)`,
    columns,
    [...keys.keys()].sort(),
  );
  return t;
}

export function sellThroughTable(r: ShowReport): HTMLElement {
  return table(
    'sell-through',
    'Sell-through and restocks, two-hour windows',
    [
      { label: 'Window', value: (w) => `${time(w.from)}–${time(w.to)}` },
      { label: 'Stock at start', value: (w) => num(w.stockAtStart), num: true },
      { label: 'Restocked', value: (w) => num(w.restocked), num: true },
      { label: 'Units sold', value: (w) => num(w.unitsSold), num: true },
      { label: 'Sell-through', value: (w) => percent(w.sellThrough), num: true },
      { label: 'Cumulative', value: (w) => percent(w.cumulativeSellThrough), num: true },
    ],
    r.kpis.sellThrough,
  );
}

export function cpaTable(r: ShowReport): HTMLElement {
  return table(
    'cpa',
    'Cost per acquisition by drop (touchpoint costs spread by click share)',
    [
      { label: 'Drop', value: (c) => c.title },
      { label: 'Cost', value: (c) => money(c.costCents, c.currency), num: true },
      { label: 'Purchases', value: (c) => num(c.acquisitions), num: true },
      { label: 'CPA', value: (c) => (c.cpaCents === null ? '—' : money(c.cpaCents, c.currency)), num: true },
    ],
    r.kpis.cpa.byDrop,
  );
}

export function splitsTable(r: ShowReport): HTMLElement {
  const title = (dropId: number | null) =>
    dropId === null ? 'Show-wide' : (r.drops.find((d) => d.id === dropId)?.title ?? `Drop ${dropId}`);
  const rows = r.splits.flatMap((s) => s.shares.map((share) => ({ scope: s, share })));
  return table(
    'splits',
    'Creator splits (largest remainder: the parts add up to the net to the cent)',
    [
      { label: 'Scope', value: (x) => title(x.scope.dropId) },
      { label: 'Net', value: (x) => money(x.scope.netCents, x.scope.currency), num: true },
      { label: 'Party', value: (x) => x.share.creator },
      { label: 'Share', value: (x) => `${num(x.share.basisPoints / 100, 2)} %`, num: true },
      { label: 'Amount', value: (x) => money(x.share.cents, x.scope.currency), num: true },
    ],
    rows,
  );
}

export function header(r: ShowReport): void {
  document.title = `${r.show.name} · DropDeck report`;
  const name = document.getElementById('show-name');
  const window = document.getElementById('show-window');
  if (name) name.textContent = r.show.name;
  if (window) {
    window.textContent = `${dateTime(r.show.startsAt)} – ${dateTime(r.show.endsAt)} · ${r.drops.length} drop${r.drops.length === 1 ? '' : 's'} · computed ${dateTime(r.kpis.computedAt)}`;
  }
}

export { section };
