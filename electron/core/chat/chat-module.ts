import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { DropEngine } from '../drops/drop-engine';
import type { LinkService } from '../links/link-service';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import { ChatRepo } from '../store/chat-repo';
import type { SettingsRepo } from '../store/settings-repo';
import { Announcer } from './announcer';
import { BridgeManager, twitchFromEnv } from './bridges/bridge-manager';
import { ChatService } from './chat-service';
import { ChatSettingsStore } from './chat-settings';
import { ChatCommands } from './commands';
import { Recognition } from './recognition';
import { VanityPaths } from './vanity';

export interface ChatModuleDeps {
  db: Database.Database;
  settings: SettingsRepo;
  audit: AuditRepo;
  engine: Pick<DropEngine, 'list' | 'get'>;
  links: LinkService;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
  publicUrl: () => string;
  env: NodeJS.ProcessEnv;
}

const SWEEP_MS = 3600_000;

/** The chat's services, built and stopped together (app.ts holds one). */
export class ChatModule {
  readonly repo: ChatRepo;
  readonly settings: ChatSettingsStore;
  readonly recognition: Recognition;
  readonly service: ChatService;
  readonly announcer: Announcer;
  readonly bridges: BridgeManager;
  readonly vanity: VanityPaths;
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(private readonly d: ChatModuleDeps) {
    this.repo = new ChatRepo(d.db);
    this.settings = new ChatSettingsStore(d.settings);
    this.recognition = new Recognition(d.db);
    const commands = new ChatCommands({
      engine: d.engine,
      links: d.links,
      repo: this.repo,
      clock: d.clock,
      log: d.log,
      publicUrl: d.publicUrl,
    });
    this.service = new ChatService({
      db: d.db,
      repo: this.repo,
      recognition: this.recognition,
      settings: this.settings,
      commands,
      audit: d.audit,
      events: d.events,
      clock: d.clock,
      log: d.log,
    });
    this.announcer = new Announcer({
      events: d.events,
      settings: this.settings,
      recognition: this.recognition,
      clock: d.clock,
      log: d.log,
      drop: (id) => d.engine.get(id),
      say: (text, dropId) => this.service.announce(text, dropId),
    });
    this.bridges = new BridgeManager({ chat: this.service, events: d.events, clock: d.clock, log: d.log });
    this.vanity = new VanityPaths({
      repo: this.repo,
      engine: d.engine,
      links: d.links,
      clock: d.clock,
      publicUrl: d.publicUrl,
    });
    this.sweep();
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  /** Connects the bridges configured by environment (`DROPDECK_TWITCH_*`). */
  start(): void {
    const twitch = twitchFromEnv(this.d.env);
    if (twitch) void this.bridges.configureTwitch(twitch);
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.announcer.stop();
    await this.bridges.stop();
  }

  private sweep(): void {
    try {
      const removed = this.service.sweep();
      if (removed > 0) this.d.log.info('chat retention sweep', { removed });
    } catch (error) {
      this.d.log.warn('chat retention sweep failed', { error: String(error) });
    }
  }
}
