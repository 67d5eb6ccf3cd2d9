import { useId, useState } from 'react';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../../../shared/insights/attribution';
import type { ShowReport } from '../../../shared/insights/report';
import { formatMoney } from '../lib/format';
import { formatCount, formatRate, formatShare, formatTimeRange, humanize, DASH } from './report-format';
import { attributionRows, dropRows, splitGroups, summaryFigures } from './report-rows';
import { ReportTable } from './ReportTable';

type Kpis = ShowReport['kpis'];
type Revenue = Kpis['revenue'][number];
type Conversion = Kpis['conversionByTouchpoint'][number];

export function SummaryCards({ report }: { report: ShowReport }) {
  return (
    <section className="report-section" aria-labelledby="report-summary">
      <h3 id="report-summary">Summary</h3>
      <dl className="report-figures">
        {summaryFigures(report).map((f) => (
          <div key={f.label} className="report-figure">
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Gross to host net, per currency: where the refunds and the creators' shares come off. */
export function RevenueTable({ report }: { report: ShowReport }) {
  const lines: Array<[string, (r: Revenue) => number]> = [
    ['Gross sales', (r) => r.grossCents],
    ['Refunds', (r) => r.refundsCents],
    ['Adjustments', (r) => r.adjustmentsCents],
    ['Net revenue', (r) => r.netCents],
    ['Creator shares', (r) => r.creatorSharesCents],
    ['Host net', (r) => r.hostNetCents],
  ];
  const revenue = report.kpis.revenue;
  return (
    <section className="report-section">
      <ReportTable
        caption="Revenue and refunds"
        columns={[
          { label: 'Line', cell: ([label]) => label },
          ...revenue.map((r) => ({
            label: r.currency,
            num: true,
            cell: ([, pick]: (typeof lines)[number]) => formatMoney(pick(r), r.currency),
          })),
        ]}
        rows={revenue.length ? lines : []}
        rowKey={([label]) => label}
      />
    </section>
  );
}

export function DropsTable({ report }: { report: ShowReport }) {
  return (
    <section className="report-section">
      <ReportTable
        caption="Drops"
        note="Cost per acquisition: the touchpoints’ costs spread by click share."
        columns={[
          { label: 'Drop', cell: (d) => d.title },
          { label: 'State', cell: (d) => humanize(d.state) },
          { label: 'Purchases', num: true, cell: (d) => formatCount(d.acquisitions) },
          {
            label: 'Cost',
            num: true,
            cell: (d) => (d.costCents === null ? DASH : formatMoney(d.costCents, d.currency)),
          },
          {
            label: 'CPA',
            num: true,
            cell: (d) => (d.cpaCents === null ? DASH : formatMoney(d.cpaCents, d.currency)),
          },
        ]}
        rows={dropRows(report)}
        rowKey={(d) => d.id}
      />
    </section>
  );
}

/** Credit per touchpoint and creator under one model at a time (the standalone page shows all four). */
export function AttributionTable({ report }: { report: ShowReport }) {
  const id = useId();
  const [model, setModel] = useState<AttributionModel>('last_touch');
  return (
    <section className="report-section">
      <div className="report-section__tools no-print">
        <label htmlFor={id}>Attribution model</label>
        <select
          id={id}
          value={model}
          onChange={(e) => setModel(ATTRIBUTION_MODELS.find((m) => m === e.target.value) ?? 'last_touch')}
        >
          {ATTRIBUTION_MODELS.map((m) => (
            <option key={m} value={m}>
              {humanize(m)}
            </option>
          ))}
        </select>
      </div>
      <ReportTable
        caption={`Attribution by touchpoint: ${humanize(model).toLowerCase()}`}
        note={`Purchases credited and net revenue (refunds taken off). Time decay half-life ${report.attribution.halfLifeMinutes} min.`}
        columns={[
          { label: 'Touchpoint', cell: (r) => r.label || r.touchpoint },
          { label: 'Creator', cell: (r) => r.creator ?? DASH },
          { label: 'Purchases', num: true, cell: (r) => formatCount(r.conversions, 2) },
          { label: 'Net revenue', num: true, cell: (r) => formatMoney(r.revenueCents, r.currency) },
        ]}
        rows={attributionRows(report, model)}
        rowKey={(r) => `${r.touchpoint}/${r.currency}`}
      />
    </section>
  );
}

function conversionColumns(what: string) {
  return [
    { label: what, cell: (x: Conversion) => x.key },
    { label: 'Visitors', num: true, cell: (x: Conversion) => formatCount(x.visitors) },
    { label: 'Purchases', num: true, cell: (x: Conversion) => formatCount(x.purchases) },
    { label: 'Conversion', num: true, cell: (x: Conversion) => formatRate(x.rate) },
  ];
}

export function ConversionTables({ report }: { report: ShowReport }) {
  return (
    <section className="report-section report-section--pair">
      <ReportTable
        caption="Conversion by touchpoint"
        columns={conversionColumns('Touchpoint')}
        rows={report.kpis.conversionByTouchpoint}
        rowKey={(x) => x.key}
      />
      <ReportTable
        caption="Conversion by creator"
        columns={conversionColumns('Creator')}
        rows={report.kpis.conversionByCreator}
        rowKey={(x) => x.key}
      />
    </section>
  );
}

export function SellThroughTable({ report }: { report: ShowReport }) {
  return (
    <section className="report-section">
      <ReportTable
        caption="Sell-through and restocks"
        note="Two-hour windows of the show."
        columns={[
          { label: 'Window', cell: (w) => formatTimeRange(w.from, w.to) },
          { label: 'Stock', num: true, cell: (w) => formatCount(w.stockAtStart) },
          { label: 'Restocked', num: true, cell: (w) => formatCount(w.restocked) },
          { label: 'Sold', num: true, cell: (w) => formatCount(w.unitsSold) },
          { label: 'Sell-through', num: true, cell: (w) => formatRate(w.sellThrough) },
        ]}
        rows={report.kpis.sellThrough}
        rowKey={(w) => w.from}
      />
    </section>
  );
}

/** One table per split scope; the parts add up to that scope's net to the cent (largest remainder). */
export function SplitTables({ report }: { report: ShowReport }) {
  const groups = splitGroups(report);
  return (
    <section className="report-section" aria-labelledby="report-splits">
      <h3 id="report-splits">Creator splits</h3>
      {groups.length === 0 && <p className="muted">No creator splits for this show.</p>}
      {groups.map((g) => (
        <ReportTable
          key={g.key}
          caption={`${g.title}: net ${formatMoney(g.scope.netCents, g.scope.currency)}`}
          columns={[
            { label: 'Party', cell: (s) => s.creator },
            { label: 'Share', num: true, cell: (s) => formatShare(s.basisPoints) },
            { label: 'Amount', num: true, cell: (s) => formatMoney(s.cents, g.scope.currency) },
          ]}
          rows={g.scope.shares}
          rowKey={(s) => s.creator}
        />
      ))}
    </section>
  );
}
