import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { AuditRepo } from '../store/audit-repo';
import { AttributionRepo } from '../store/attribution-repo';
import { ExportsRepo } from '../store/exports-repo';
import { KpiRepo } from '../store/kpi-repo';
import { RollupRebuildRepo } from '../store/rollup-rebuild-repo';
import { ShowFactsRepo } from '../store/show-facts-repo';
import { ShowsRepo } from '../store/shows-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';
import { AttributionService } from './attribution-service';
import { KpiService } from './kpi-service';
import { ReportService } from './report-service';
import { RollupService } from './rollup-service';
import { ShowService } from './show-service';
import { SplitService } from './split-service';

/** The insights half of issue 8, built once in app.ts: shows, attribution, KPIs, splits, report. */
export interface Insights {
  shows: ShowService;
  attribution: AttributionService;
  kpis: KpiService;
  splits: SplitService;
  rollup: RollupService;
  reports: ReportService;
}

export function createInsights(deps: {
  db: Database.Database;
  audit: AuditRepo;
  touchpoints: TouchpointsRepo;
  clock: Clock;
}): Insights {
  const { db, audit, touchpoints, clock } = deps;
  const showsRepo = new ShowsRepo(db);
  const facts = new ShowFactsRepo(db);
  const credits = new AttributionRepo(db);
  const kpiRepo = new KpiRepo(db);
  const shows = new ShowService({ db, shows: showsRepo, touchpoints, audit, clock });
  const attribution = new AttributionService({ db, facts, credits, clock });
  const splits = new SplitService(showsRepo, facts);
  const kpis = new KpiService({ kpis: kpiRepo, facts, shows: showsRepo, splits, clock });
  const rollup = new RollupService({
    db,
    rebuild: new RollupRebuildRepo(db),
    shows: showsRepo,
    audit,
    clock,
  });
  const reports = new ReportService({
    shows,
    kpis,
    kpiRepo,
    attribution,
    credits,
    splits,
    exports: new ExportsRepo(db),
  });
  return { shows, attribution, kpis, splits, rollup, reports };
}
