import type { StoreHealth } from '../../../shared/hub-events';
import type { ChatModule } from '../chat/chat-module';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { RelayClient } from '../relay/relay-client';
import type { DeviceService } from '../devices/device-service';
import type { DropEditor } from '../drops/drop-editor';
import type { DropEngine } from '../drops/drop-engine';
import type { Ledger } from '../ledger/ledger';
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
  /** Whether scans reach the store (the recorder's own reading). */
  storeHealth: () => StoreHealth;
  /** The edge relay client, when one is configured. */
  relay: Pick<RelayClient, 'status'> | null;
  ledger: Ledger;
  /** The chat (issue 10); its handlers answer `unsupported` without it. */
  chat?: Pick<ChatModule, 'service' | 'settings' | 'bridges' | 'vanity'> & { events: CoreEvents };
  /** Shows, attribution, KPIs, creator splits, the report (issue 8, insights half). */
  insights: Insights;
}
