import type Database from 'better-sqlite3';
import type { Clock } from './clock';
import type { CoreConfig } from './config';
import type { CoreEvents } from './core-events';
import type { Logger } from './log';
import type { AuditRepo } from './store/audit-repo';
import type { DropsRepo } from './store/drops-repo';
import type { SettingsRepo } from './store/settings-repo';
import type { TouchpointsRepo } from './store/touchpoints-repo';
import type { LinkService } from './links/link-service';
import type { ClickRecorder } from './clicks/click-recorder';
import type { DropStates } from './clicks/drop-states';
import type { StatsRepo } from './store/stats-repo';
import type { DropEngine } from './drops/drop-engine';
import type { SaleService } from './sales/sale-service';
import type { OrphansRepo } from './store/orphans-repo';
import type { ObsService } from './obs/obs-service';
import type { RelayClient } from './relay/relay-client';
import type { Ledger } from './ledger/ledger';
import type { Insights } from './insights/insights';

/**
 * Everything a route or a hub handler may use. Built once in `app.ts`; services get only the
 * pieces they need through their constructors, routes get this bag.
 */
export interface CoreServices {
  config: CoreConfig;
  db: Database.Database;
  log: Logger;
  clock: Clock;
  events: CoreEvents;
  settings: SettingsRepo;
  audit: AuditRepo;
  drops: DropsRepo;
  touchpoints: TouchpointsRepo;
  links: LinkService;
  clicks: ClickRecorder;
  /** Sold-out / ended per drop, kept from `drop:updated`, so scans need no query to know. */
  dropStates: DropStates;
  stats: StatsRepo;
  /** The drop state machine: start/extend/end/restock/schedule, timers, settled reads. */
  engine: DropEngine;
  sales: SaleService;
  orphans: OrphansRepo;
  /** OBS connection, overlay setup, drop scene actions and stream health. */
  obs: ObsService;
  /** The edge relay client, when DROPDECK_RELAY_URL is set. */
  relay?: RelayClient;
  /** Posting, holds, webhooks and CSV import (issue 8, ingestion). */
  ledger: Ledger;
  /** Shows, attribution, KPIs, splits and the report's exports. */
  insights: Insights;
  /** The base URL viewers reach: DROPDECK_PUBLIC_URL, else the LAN address and bound port. */
  publicUrl(): string;
}
