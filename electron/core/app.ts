import { join } from 'node:path';
import { ChatModule } from './chat/chat-module';
import { ClickRecorder } from './clicks/click-recorder';
import { DedupWindow } from './clicks/dedup-window';
import { DropStates } from './clicks/drop-states';
import { VisitorIds } from './clicks/visitor-id';
import { systemClock, type Clock } from './clock';
import { lanAddress, resolveConfig, type ConfigOverrides, type CoreConfig } from './config';
import { CoreEvents } from './core-events';
import { startCheckpointer } from './db/checkpointer';
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
import { createLedger } from './ledger/ledger';
import { LinkService } from './links/link-service';
import { createLogger } from './log';
import { startRelay } from './relay/start-relay';
import { ObsService } from './obs/obs-service';
import { SaleService } from './sales/sale-service';
import type { CoreServices } from './services';
import { acquireDataDirLock, type DataDirLock } from './startup/data-dir-lock';
import { explainListenError } from './startup/listen-errors';
import { openStore } from './startup/open-store';
import { pinTickRecordShape } from './startup/pin-tick-shape';
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
  await pinTickRecordShape();
  const config = resolveConfig(options, options.env ?? process.env);
  // One DropDeck per data folder; released by close(), or here when the start fails.
  const lock = acquireDataDirLock(config.dataDir);
  try {
    return await startLocked(options, config, lock);
  } catch (error) {
    lock.release();
    throw await explainListenError(error, config.port, config.host);
  }
}

async function startLocked(
  options: StartOptions,
  config: CoreConfig,
  lock: DataDirLock,
): Promise<CoreHandle> {
  const log = createLogger('core', (options.env ?? process.env).DROPDECK_QUIET === '1');
  const clock = options.clock ?? systemClock;
  const dbFile = join(config.dataDir, 'dropdeck.sqlite');
  const db = openStore(dbFile);
  const checkpointer = startCheckpointer(dbFile, log);
  const events = new CoreEvents();
  let boundPort = config.port;
  // Bound to every interface, phones reach us at the LAN address; bound to one address, only there.
  const viewerHost = WILDCARD_HOSTS.has(config.host) ? lanAddress() : config.host;
  const lanUrl = (): string => `http://${viewerHost}:${boundPort}`;
  // With an edge relay configured, QR codes and links point at the relay (it answers remote scans).
  const publicUrl = (): string => config.relayUrl || config.publicUrl || lanUrl();

  const audit = new AuditRepo(db);
  const drops = new DropsRepo(db);
  const touchpoints = new TouchpointsRepo(db);
  const stats = new StatsRepo(db);
  const visitors = new VisitorIds(db);
  const settings = new SettingsRepo(db);
  const links = new LinkService(db, new LinksRepo(db), drops, touchpoints, audit, clock, publicUrl, events);
  const inventory = new InventoryRepo(db);
  const engine = new DropEngine({ db, drops, inventory, audit, events, clock, log, timers: options.timers });
  const ledger = createLedger({
    db,
    drops,
    inventory,
    stats,
    audit,
    touchpoints,
    settings,
    links,
    engine,
    events,
    clock,
    log,
    env: options.env ?? process.env,
    timers: options.timers,
  });
  const sales = new SaleService({
    db,
    drops,
    ledger: new LedgerRepo(db),
    inventory,
    touchpoints,
    links,
    engine,
    poster: ledger.poster,
    clock,
  });
  // Edge relay (issue 11): drop states for the scan path (from the store: the engine settles on resume),
  // the recorder, and the relay client if configured.
  const dropStates = new DropStates(drops.list(), events);
  const clicks = new ClickRecorder(db, visitors, new DedupWindow(db), stats, clock, log, events);
  const relay = startRelay({ config, db, recorder: clicks, stats, dropStates, visitors, events, clock, log });
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
    clicks,
    dropStates,
    relay: relay ?? undefined,
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
    ledger,
    insights: createInsights({ db, audit, touchpoints, clock }),
    publicUrl,
  };

  const chat = new ChatModule({
    db,
    settings,
    audit,
    engine,
    links,
    events,
    clock,
    log,
    publicUrl,
    env: options.env ?? process.env,
  });

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
      storeHealth: () => clicks.health(),
      relay,
      ledger,
      chat: {
        service: chat.service,
        settings: chat.settings,
        bridges: chat.bridges,
        vanity: chat.vanity,
        events,
      },
      insights: services.insights,
    }),
    log,
  );
  const hosts = new AllowedHosts(() => hostsOf([config.publicUrl]));
  const trustedProxies = new Set(config.trustedProxies);
  const app = await createHttpApp(services, {
    run,
    auth: { devices, hosts, trustedProxies },
    chat,
  });
  // Before the first request: drops whose time passed while DropDeck was closed are settled first.
  engine.resume();
  ledger.start();
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Port in use (or the like): leave nothing open behind the refusal.
    services.obs.stop().catch(() => undefined);
    engine.stop();
    ledger.stop();
    await app.close();
    await checkpointer.stop();
    db.close();
    throw error;
  }
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : config.port;
  // Realtime hub on the same port (`/socket.io/`), same token check as the HTTP API.
  const hub = attachHub(app.server, services, {
    auth: devices,
    run,
    hosts,
    trustedProxies,
    chat: {
      chat: chat.service,
      settings: chat.settings,
      recognition: chat.recognition,
      repo: chat.repo,
      events,
      clock,
      log,
    },
  });
  chat.start();

  services.obs.start();
  relay?.start();
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
      ledger.stop();
      await services.obs.stop();
      await chat.stop();
      // Sockets first: upgraded WebSocket connections would otherwise keep the HTTP server open.
      hub.close();
      await app.close();
      await relay?.stop();
      const unsaved = services.clicks.stop();
      if (unsaved > 0) log.error('scans could not be stored before shutdown', { count: unsaved });
      await checkpointer.stop();
      db.close();
      lock.release();
    },
  };
}
