import { join } from 'node:path';
import { ClickRecorder } from './clicks/click-recorder';
import { DedupWindow } from './clicks/dedup-window';
import { VisitorIds } from './clicks/visitor-id';
import { systemClock, type Clock } from './clock';
import { lanAddress, resolveConfig, type ConfigOverrides, type CoreConfig } from './config';
import { CoreEvents } from './core-events';
import { startCheckpointer } from './db/checkpointer';
import { openDatabase } from './db/open-database';
import { DropEngine } from './drops/drop-engine';
import type { TimerSource } from './drops/timer-source';
import { createCommandRunner } from './commands/execute';
import { createHandlers } from './commands/handlers';
import { DeviceService } from './devices/device-service';
import { LoginThrottle } from './devices/login-throttle';
import { HOST_PRINCIPAL } from './devices/principal';
import { DropEditor } from './drops/drop-editor';
import { createInsights } from './insights/insights';
import { AllowedHosts, hostsOf } from './net/host-check';
import { createHttpApp } from './http/server';
import { attachHub } from './hub/hub';
import { hubAuth } from './hub/hub-auth';
import { LinkService } from './links/link-service';
import { createLogger } from './log';
import { ObsService } from './obs/obs-service';
import { SaleService } from './sales/sale-service';
import type { CoreServices } from './services';
import { AuditRepo } from './store/audit-repo';
import { DevicesRepo } from './store/devices-repo';
import { DropsRepo } from './store/drops-repo';
import { InventoryRepo } from './store/inventory-repo';
import { LedgerRepo } from './store/ledger-repo';
import { LinksRepo } from './store/links-repo';
import { OrphansRepo } from './store/orphans-repo';
import { SettingsRepo } from './store/settings-repo';
import { StatsRepo } from './store/stats-repo';
import { TouchpointsRepo } from './store/touchpoints-repo';
import { TouchpointService } from './touchpoints/touchpoint-service';

export interface StartOptions extends ConfigOverrides {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** Drop deadlines' timers; tests pass manual ones to fire deadlines without waiting. */
  timers?: TimerSource;
}

export interface CoreHandle {
  /** Loopback URL of the control panel and API (what this machine's browser and OBS use). */
  url: string;
  /** What viewers reach (QR payloads). */
  publicUrl: string;
  /**
   * A one-time link that signs this machine's browser in as host (the printed "open the panel" link).
   * The host token itself never goes into a URL.
   */
  loginLink(): string;
  port: number;
  config: CoreConfig;
  services: CoreServices;
  close(): Promise<void>;
}

const SWEEP_MS = 3600_000;
const VERSION = '0.1.0';
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** Starts the whole core: store, services, HTTP API, realtime hub. Plain Node; Electron only hosts it. */
export async function startCore(options: StartOptions = {}): Promise<CoreHandle> {
  const config = resolveConfig(options, options.env ?? process.env);
  const log = createLogger('core', (options.env ?? process.env).DROPDECK_QUIET === '1');
  const clock = options.clock ?? systemClock;
  const dbFile = join(config.dataDir, 'dropdeck.sqlite');
  const db = openDatabase(dbFile);
  const checkpointer = startCheckpointer(dbFile, log);
  const events = new CoreEvents();
  let boundPort = config.port;
  // Bound to every interface, phones reach us at the LAN address; bound to one address, only there.
  const viewerHost = WILDCARD_HOSTS.has(config.host) ? lanAddress() : config.host;
  const lanUrl = (): string => `http://${viewerHost}:${boundPort}`;
  const publicUrl = (): string => config.publicUrl || lanUrl();

  const audit = new AuditRepo(db);
  const drops = new DropsRepo(db);
  const touchpoints = new TouchpointsRepo(db);
  const stats = new StatsRepo(db);
  const visitors = new VisitorIds(db);
  const settings = new SettingsRepo(db);
  const links = new LinkService(db, new LinksRepo(db), drops, touchpoints, audit, clock, publicUrl);
  const inventory = new InventoryRepo(db);
  const engine = new DropEngine({ db, drops, inventory, audit, events, clock, log, timers: options.timers });
  const sales = new SaleService({
    db,
    drops,
    ledger: new LedgerRepo(db),
    inventory,
    stats,
    audit,
    touchpoints,
    links,
    engine,
    events,
    clock,
    log,
  });
  const services: CoreServices = {
    config,
    db,
    log,
    clock,
    events,
    settings,
    audit,
    drops,
    touchpoints,
    stats,
    orphans: new OrphansRepo(db),
    links,
    engine,
    sales,
    clicks: new ClickRecorder(db, visitors, new DedupWindow(db), stats, clock, log),
    // OBS runs on this laptop: it loads the overlay pages over loopback, not the public URL.
    obs: new ObsService({
      config,
      settings,
      audit,
      drops,
      events,
      log,
      clock,
      overlayBaseUrl: () => `http://127.0.0.1:${boundPort}`,
    }),
    insights: createInsights({ db, audit, touchpoints, clock }),
    publicUrl,
  };

  const throttle = new LoginThrottle(clock);
  const devices = new DeviceService({
    db,
    repo: new DevicesRepo(db),
    audit,
    events,
    clock,
    throttle,
    hostToken: config.hostToken,
    lanUrl,
  });
  const run = createCommandRunner(
    createHandlers({
      clock,
      version: VERSION,
      engine,
      editor: new DropEditor({
        db,
        drops,
        audit,
        events,
        clock,
        engine,
        forgetCheckout: (id) => links.forgetDrop(id),
      }),
      links,
      liveLinks: services,
      sales,
      touchpoints: new TouchpointService({ db, repo: touchpoints, audit, clock }),
      stats,
      orphans: services.orphans,
      obs: services.obs,
      devices,
      audit,
      insights: services.insights,
    }),
    log,
  );
  const hosts = new AllowedHosts(() => hostsOf([config.publicUrl]));
  const app = await createHttpApp(services, {
    run,
    auth: { devices, throttle, hosts, trustedProxies: new Set(config.trustedProxies) },
  });
  // Before the first request: drops whose time passed while DropDeck was closed are settled first.
  engine.resume();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : config.port;
  // Realtime hub on the same port (`/socket.io/`), same token check as the HTTP API.
  const hub = attachHub(app.server, services, { auth: hubAuth(devices, throttle), run, hosts });

  services.obs.start();
  services.clicks.rotateSalts();
  const sweep = setInterval(() => services.clicks.rotateSalts(), SWEEP_MS);
  sweep.unref();

  let closed = false;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    publicUrl: publicUrl(),
    port: boundPort,
    loginLink: () => devices.createPairing('host', HOST_PRINCIPAL, `http://127.0.0.1:${boundPort}`).url,
    config,
    services,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      engine.stop();
      await services.obs.stop();
      // Sockets first: upgraded WebSocket connections would otherwise keep the HTTP server open.
      hub.close();
      await app.close();
      services.clicks.flush();
      await checkpointer.stop();
      db.close();
    },
  };
}
