import type Database from 'better-sqlite3';
import { VisitorIds } from '../clicks/visitor-id';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { DropEngine } from '../drops/drop-engine';
import { nodeTimers, type TimerSource } from '../drops/timer-source';
import type { LinkService } from '../links/link-service';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import { HoldsRepo } from '../store/holds-repo';
import type { InventoryRepo } from '../store/inventory-repo';
import { LedgerSettingsRepo } from '../store/ledger-settings-repo';
import { PostingsRepo } from '../store/postings-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { StatsRepo } from '../store/stats-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';
import { WebhookRepo } from '../store/webhook-repo';
import { Attribution } from './attribution';
import { CsvImport } from './csv-import';
import { EmailHasher } from './email-hash';
import { HoldService } from './hold-service';
import { LedgerPoster } from './ledger-poster';
import { ManualEntry } from './manual-entry';
import { ShopifyIngest } from './shopify-ingest';
import { StripeIngest } from './stripe-ingest';
import { WebhookLog } from './webhook-log';

export interface LedgerDeps {
  db: Database.Database;
  drops: DropsRepo;
  inventory: InventoryRepo;
  stats: StatsRepo;
  audit: AuditRepo;
  touchpoints: TouchpointsRepo;
  settings: SettingsRepo;
  links: LinkService;
  engine: DropEngine;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
  env: NodeJS.ProcessEnv;
  timers?: TimerSource;
}

/** The ledger's ingestion services, built together (they share repos) and handed to routes and commands. */
export interface Ledger {
  poster: LedgerPoster;
  holds: HoldService;
  manual: ManualEntry;
  csv: CsvImport;
  stripe: StripeIngest;
  shopify: ShopifyIngest;
  webhooks: WebhookLog;
  /** Starts the hold sweep. */
  start(): void;
  stop(): void;
}

const secretOf = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);

export function createLedger(d: LedgerDeps): Ledger {
  const postings = new PostingsRepo(d.db);
  const holdsRepo = new HoldsRepo(d.db);
  const attribution = new Attribution(d.links, holdsRepo, postings, d.touchpoints);
  const emails = new EmailHasher(d.settings);
  const stripeSecret = secretOf(d.env.DROPDECK_STRIPE_WEBHOOK_SECRET);
  const shopifySecret = secretOf(d.env.DROPDECK_SHOPIFY_WEBHOOK_SECRET);
  const webhooks = new WebhookLog(new WebhookRepo(d.db), d.events, d.clock, d.log, {
    stripe: stripeSecret !== null,
    shopify: shopifySecret !== null,
  });
  const poster = new LedgerPoster({
    db: d.db,
    drops: d.drops,
    postings,
    holds: holdsRepo,
    inventory: d.inventory,
    stats: d.stats,
    audit: d.audit,
    engine: d.engine,
    events: d.events,
    clock: d.clock,
    log: d.log,
  });
  const holds = new HoldService({
    db: d.db,
    holds: holdsRepo,
    links: d.links,
    engine: d.engine,
    visitors: new VisitorIds(d.db),
    clock: d.clock,
    timers: d.timers ?? nodeTimers,
    log: d.log,
  });
  return {
    poster,
    holds,
    webhooks,
    manual: new ManualEntry({
      db: d.db,
      poster,
      attribution,
      postings,
      drops: d.drops,
      settings: new LedgerSettingsRepo(d.db),
      audit: d.audit,
      engine: d.engine,
      clock: d.clock,
      forgetCheckout: (id) => d.links.forgetDrop(id),
    }),
    csv: new CsvImport({ db: d.db, poster, attribution, postings, engine: d.engine, clock: d.clock }),
    stripe: new StripeIngest({
      db: d.db,
      secret: stripeSecret,
      poster,
      attribution,
      holds,
      postings,
      webhooks,
      emails,
      clock: d.clock,
    }),
    shopify: new ShopifyIngest({
      db: d.db,
      secret: shopifySecret,
      poster,
      attribution,
      postings,
      drops: d.drops,
      webhooks,
      emails,
    }),
    start: () => holds.startSweep(),
    stop: () => holds.stop(),
  };
}
