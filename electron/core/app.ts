import { join } from 'node:path';
import { ClickRecorder } from './clicks/click-recorder';
import { VisitorIds } from './clicks/visitor-id';
import { systemClock, type Clock } from './clock';
import { lanAddress, resolveConfig, type ConfigOverrides, type CoreConfig } from './config';
import { CoreEvents } from './core-events';
import { openDatabase } from './db/open-database';
import { tokenMatches } from './http/auth';
import { createHttpApp } from './http/server';
import { LinkService } from './links/link-service';
import { createLogger } from './log';
import type { CoreServices } from './services';
import { AuditRepo } from './store/audit-repo';
import { DropsRepo } from './store/drops-repo';
import { LinksRepo } from './store/links-repo';
import { SettingsRepo } from './store/settings-repo';
import { StatsRepo } from './store/stats-repo';
import { TouchpointsRepo } from './store/touchpoints-repo';

export interface StartOptions extends ConfigOverrides {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
}

export interface CoreHandle {
  /** Loopback URL of the control panel and API (what this machine's browser and OBS use). */
  url: string;
  /** What viewers reach (QR payloads). */
  publicUrl: string;
  port: number;
  config: CoreConfig;
  services: CoreServices;
  close(): Promise<void>;
}

const SWEEP_MS = 3600_000;

/** Starts the whole core: store, services, HTTP API, realtime hub. Plain Node; Electron only hosts it. */
export async function startCore(options: StartOptions = {}): Promise<CoreHandle> {
  const config = resolveConfig(options, options.env ?? process.env);
  const log = createLogger('core', (options.env ?? process.env).DROPDECK_QUIET === '1');
  const clock = options.clock ?? systemClock;
  const db = openDatabase(join(config.dataDir, 'dropdeck.sqlite'));
  const events = new CoreEvents();
  let boundPort = config.port;
  const publicUrl = (): string => config.publicUrl || `http://${lanAddress()}:${boundPort}`;

  const audit = new AuditRepo(db);
  const drops = new DropsRepo(db);
  const touchpoints = new TouchpointsRepo(db);
  const stats = new StatsRepo(db);
  const visitors = new VisitorIds(db);
  const services: CoreServices = {
    config,
    db,
    log,
    clock,
    events,
    settings: new SettingsRepo(db),
    audit,
    drops,
    touchpoints,
    stats,
    links: new LinkService(db, new LinksRepo(db), drops, touchpoints, audit, clock, publicUrl),
    clicks: new ClickRecorder(db, visitors, stats, clock, events, log),
    publicUrl,
  };

  const resolveToken = (token: string): string | null => (tokenMatches(token, config.hostToken) ? 'host' : null);
  const app = await createHttpApp(services, resolveToken);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : config.port;

  visitors.rotate(clock.now());
  const sweep = setInterval(() => visitors.rotate(clock.now()), SWEEP_MS);
  sweep.unref();

  let closed = false;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    publicUrl: publicUrl(),
    port: boundPort,
    config,
    services,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      await app.close();
      services.clicks.flush();
      db.close();
    },
  };
}
