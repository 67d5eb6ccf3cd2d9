import { useId, useState } from 'react';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../../../shared/insights/attribution';
import type { ShowReport } from '../../../shared/insights/report';
import { formatMoney } from '../lib/format';
import { DASH, formatCount, formatRate, formatTimeRange, humanize } from './report-format';
import { usePanel } from '../api/panel-context';
import { attributionRows, touchpointLabel } from './report-rows';
import { ReportTable } from './ReportTable';

/* The audience half of the report: where the buyers came from, and how the stock went. */

type Conversion = ShowReport['kpis']['conversionByTouchpoint'][number];

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

function conversionColumns(what: string, name: (key: string) => string = (k) => k) {
  return [
    { label: what, cell: (x: Conversion) => name(x.key) },
    { label: 'Visitors', num: true, cell: (x: Conversion) => formatCount(x.visitors) },
    { label: 'Purchases', num: true, cell: (x: Conversion) => formatCount(x.purchases) },
    { label: 'Conversion', num: true, cell: (x: Conversion) => formatRate(x.rate) },
  ];
}

export function ConversionTables({ report }: { report: ShowReport }) {
  const { touchpoints } = usePanel();
  return (
    <section className="report-section report-section--pair">
      <ReportTable
        caption="Conversion by touchpoint"
        columns={conversionColumns('Touchpoint', (k) => touchpointLabel(k, touchpoints))}
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

/** Clicks per touchpoint over the minutes that had any (the standalone page charts them). */
export function ClicksTable({ report }: { report: ShowReport }) {
  const { touchpoints } = usePanel();
  const clicks = report.kpis.clicksPerMinute;
  return (
    <section className="report-section">
      <ReportTable
        caption="Clicks by touchpoint"
        note={`Over ${formatCount(clicks.minutes)} ${clicks.minutes === 1 ? 'minute' : 'minutes'} with clicks.`}
        columns={[
          { label: 'Touchpoint', cell: (t) => touchpointLabel(t.touchpoint, touchpoints) },
          { label: 'Clicks', num: true, cell: (t) => formatCount(t.clicks) },
          { label: 'Per minute', num: true, cell: (t) => formatCount(t.perMinute, 2) },
          { label: 'Peak minute', num: true, cell: (t) => formatCount(t.peak) },
        ]}
        rows={clicks.byTouchpoint}
        rowKey={(t) => t.touchpoint}
      />
    </section>
  );
}
