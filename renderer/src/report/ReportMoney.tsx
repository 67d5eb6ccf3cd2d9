import type { ShowReport } from '../../../shared/insights/report';
import { formatMoney } from '../lib/format';
import { DASH, formatCount, formatShare, humanize } from './report-format';
import { usePanel } from '../api/panel-context';
import { dropRows, splitGroups, summaryFigures, touchpointLabel } from './report-rows';
import { ReportTable } from './ReportTable';

/* The money half of the report: what came in, what went back, what it cost, who is owed what. */

type Revenue = ShowReport['kpis']['revenue'][number];

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

/** What each touchpoint cost and brought; costs of touchpoints nobody clicked are listed apart. */
export function TouchpointCostTable({ report }: { report: ShowReport }) {
  const { touchpoints } = usePanel();
  const { byTouchpoint, unallocated } = report.kpis.cpa;
  const spentOnNothing = unallocated.filter((u) => u.costCents > 0);
  return (
    <section className="report-section">
      <ReportTable
        caption="Cost per touchpoint"
        note={
          spentOnNothing.length
            ? `Spent on touchpoints nobody clicked: ${spentOnNothing.map((u) => formatMoney(u.costCents, u.currency)).join(', ')}.`
            : undefined
        }
        columns={[
          { label: 'Touchpoint', cell: (t) => touchpointLabel(t.touchpoint, touchpoints) },
          { label: 'Cost', num: true, cell: (t) => formatMoney(t.costCents, t.currency) },
          { label: 'Purchases', num: true, cell: (t) => formatCount(t.acquisitions) },
          {
            label: 'CPA',
            num: true,
            cell: (t) => (t.cpaCents === null ? DASH : formatMoney(t.cpaCents, t.currency)),
          },
        ]}
        rows={byTouchpoint}
        rowKey={(t) => `${t.touchpoint}/${t.currency}`}
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
