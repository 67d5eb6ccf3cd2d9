import type { ObsActionFailure, StreamHealth } from '../../../shared/hub-events';
import type {
  ObsConnectBody,
  ObsSceneList,
  ObsStatus,
  OverlaySetupBody,
  OverlaySetupResult,
} from '../../../shared/obs';
import type { Clock } from '../clock';
import type { CoreConfig } from '../config';
import type { CoreEvents } from '../core-events';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import type { SettingsRepo } from '../store/settings-repo';
import { ConnectionManager } from './connection-manager';
import { DropActionsBridge } from './drop-actions-bridge';
import { ObsSettings } from './obs-settings';
import { listScenes, setupOverlays } from './overlay-setup';
import { StreamHealthPoller } from './stream-health';
import { DEFAULT_OBS_TIMINGS, type ObsTimings } from './types';
import type { Actor } from '../devices/principal';

export interface ObsServiceDeps {
  config: Pick<CoreConfig, 'obsUrl' | 'obsPassword'>;
  settings: SettingsRepo;
  audit: AuditRepo;
  drops: DropsRepo;
  events: CoreEvents;
  log: Logger;
  clock: Clock;
  /** Base URL OBS loads the overlay pages from: the core's loopback address (same laptop). */
  overlayBaseUrl: () => string;
  timings?: Partial<ObsTimings>;
}

/**
 * DropDeck's whole OBS side behind one object: the connection, overlay setup, drop actions and
 * stream health. Routes and the hub use this; everything it reports goes out on the core bus.
 */
export class ObsService {
  private readonly conn: ConnectionManager;
  private readonly bridge: DropActionsBridge;
  private readonly health: StreamHealthPoller;
  private readonly obsSettings: ObsSettings;
  private started = false;

  constructor(private readonly deps: ObsServiceDeps) {
    const timings = { ...DEFAULT_OBS_TIMINGS, ...deps.timings };
    this.obsSettings = new ObsSettings(deps.settings, deps.config);
    this.conn = new ConnectionManager(timings, deps.clock, deps.log);
    this.bridge = new DropActionsBridge({
      obs: this.conn,
      events: deps.events,
      drops: deps.drops,
      audit: deps.audit,
      clock: deps.clock,
      log: deps.log,
      batchTimeoutMs: timings.batchTimeoutMs,
    });
    this.health = new StreamHealthPoller(this.conn, timings.healthIntervalMs, deps.clock, deps.log, (h) =>
      this.publish(() => deps.events.emit('obs:health', h)),
    );
    this.conn.on('status', (status) => {
      if (status.state !== 'connected') this.health.stop();
      this.publish(() => deps.events.emit('obs:status', status));
    });
    this.conn.on('connected', () => {
      this.health.start();
      void this.bridge.reapply();
    });
    this.conn.on('outputsChanged', () => void this.health.poll());
  }

  /** Bus listeners (the hub) run inside our connection code; one of them throwing must not stop it. */
  private publish(emit: () => void): void {
    try {
      emit();
    } catch (err) {
      this.deps.log.error('an OBS event listener threw', { error: String(err) });
    }
  }

  /** Starts listening for drop moments and connects if OBS was set up before (or via env). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.bridge.start();
    const target = this.obsSettings.startupTarget();
    if (target) void this.conn.open(target);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.bridge.stop();
    this.health.stop();
    await this.conn.close('DropDeck is shutting down.');
  }

  status(): ObsStatus {
    return this.conn.status();
  }

  /** Connects with new or stored settings and saves them; resolves once this attempt settled. */
  async connect(input: ObsConnectBody, actor: Actor): Promise<ObsStatus> {
    const target = this.obsSettings.resolve(input);
    this.obsSettings.save(target, true);
    this.deps.audit.record({ actor, action: 'obs:connect', subjectType: 'obs', detail: { url: target.url } });
    return this.conn.open(target);
  }

  async disconnect(actor: Actor): Promise<ObsStatus> {
    this.obsSettings.setEnabled(false);
    this.deps.audit.record({ actor, action: 'obs:disconnect', subjectType: 'obs' });
    await this.conn.close();
    return this.conn.status();
  }

  listScenes(): Promise<ObsSceneList> {
    return listScenes(this.conn);
  }

  async setupOverlays(body: OverlaySetupBody, actor: Actor): Promise<OverlaySetupResult> {
    const result = await setupOverlays(this.conn, body, this.deps.overlayBaseUrl());
    this.deps.audit.record({ actor, action: 'obs:overlays-setup', subjectType: 'obs', detail: result });
    return result;
  }

  latestHealth(): StreamHealth | null {
    return this.health.latest();
  }

  recentFailures(): ObsActionFailure[] {
    return this.bridge.recentFailures();
  }
}
