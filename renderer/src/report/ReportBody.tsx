import type { ShowReport } from '../../../shared/insights/report';
import { formatDateTime } from './report-format';
import { AttributionTable, ClicksTable, ConversionTables, SellThroughTable } from './ReportAudience';
import { DropsTable, RevenueTable, SplitTables, SummaryCards, TouchpointCostTable } from './ReportMoney';

/** One show's report, in the order a host reads it after the stream; also what gets printed. */
export function ReportBody({ report }: { report: ShowReport }) {
  const { show, drops, kpis } = report;
  return (
    <article className="report-body" aria-label={`Report for ${show.name}`}>
      <header className="report-body__head">
        <p className="report-body__eyebrow">After-show report</p>
        <h3 className="report-body__title">{show.name}</h3>
        <p className="muted">
          {formatDateTime(show.startsAt)} – {formatDateTime(show.endsAt)} · {drops.length}{' '}
          {drops.length === 1 ? 'drop' : 'drops'} · computed {formatDateTime(kpis.computedAt)}
        </p>
      </header>
      <SummaryCards report={report} />
      <RevenueTable report={report} />
      <DropsTable report={report} />
      <AttributionTable report={report} />
      <TouchpointCostTable report={report} />
      <ClicksTable report={report} />
      <ConversionTables report={report} />
      <SellThroughTable report={report} />
      <SplitTables report={report} />
    </article>
  );
}
