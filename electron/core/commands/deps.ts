import type { Clock } from '../clock';
import type { DeviceService } from '../devices/device-service';
import type { DropEditor } from '../drops/drop-editor';
import type { DropEngine } from '../drops/drop-engine';
import type { Insights } from '../insights/insights';
import type { LinkService } from '../links/link-service';
import type { LiveLinkDeps } from '../overlays/live-link';
import type { ObsService } from '../obs/obs-service';
import type { SaleService } from '../sales/sale-service';
import type { AuditRepo } from '../store/audit-repo';
import type { OrphansRepo } from '../store/orphans-repo';
import type { StatsRepo } from '../store/stats-repo';
import type { TouchpointService } from '../touchpoints/touchpoint-service';

/** The domain services command handlers call — each named, none of them the raw database. */
export interface CommandDeps {
  clock: Clock;
  version: string;
  engine: DropEngine;
  editor: DropEditor;
  links: LinkService;
  liveLinks: LiveLinkDeps;
  sales: SaleService;
  touchpoints: TouchpointService;
  stats: StatsRepo;
  orphans: OrphansRepo;
  obs: ObsService;
  devices: DeviceService;
  audit: AuditRepo;
  /** Shows, attribution, KPIs, creator splits, the report (issue 8, insights half). */
  insights: Insights;
}
