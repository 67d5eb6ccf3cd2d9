import type { ShowReport } from '../../../shared/insights/report';
import type { AttributionService } from './attribution-service';
import type { KpiService } from './kpi-service';
import type { ShowService } from './show-service';
import type { SplitService } from './split-service';
import type { KpiRepo } from '../store/kpi-repo';
import type { AttributionRepo } from '../store/attribution-repo';
import type { ExportsRepo } from '../store/exports-repo';
import { kpiRows, table, type ExportName, type ExportTable } from './export-tables';

export interface ReportServiceDeps {
  shows: ShowService;
  kpis: KpiService;
  kpiRepo: KpiRepo;
  attribution: AttributionService;
  credits: AttributionRepo;
  splits: SplitService;
  exports: ExportsRepo;
}

/** The after-show report and its exports: everything read from the same derived views as the API. */
export class ReportService {
  constructor(private readonly d: ReportServiceDeps) {}

  report(showId: number): ShowReport {
    const show = this.d.shows.get(showId);
    return {
      show,
      drops: this.d.kpiRepo
        .drops(showId)
        .map((r) => ({ id: r.id, title: r.title, state: r.state, currency: r.currency })),
      kpis: this.d.kpis.show(showId),
      attribution: this.d.attribution.get(showId, 'all'),
      splits: this.d.splits.scopes(showId),
    };
  }

  export(showId: number, name: ExportName): ExportTable {
    this.d.shows.get(showId);
    switch (name) {
      case 'clicks':
        return table('clicks', this.d.exports.clicks(showId));
      case 'ledger':
        return table('ledger', this.d.exports.ledger(showId));
      case 'attribution':
        this.d.attribution.ensureFresh(showId);
        return table('attribution', this.d.credits.exportRows(showId));
      case 'kpis':
        return table('kpis', kpiRows(this.d.kpis.show(showId)));
    }
  }
}
