import irc, { type Client, type PrivmsgEvent } from 'irc-framework';
import type { BridgeState, BridgeStatus } from '../../../../shared/chat-events';
import type { Clock } from '../../clock';
import type { Logger } from '../../log';
import { backoffMs, type BridgeCallbacks, type ChatBridge } from './bridge';

export interface IrcBridgeConfig {
  /** `twitch` for Twitch; the badge the chat shows next to these lines. */
  platform: string;
  server: string;
  port: number;
  tls: boolean;
  nick: string;
  /** Twitch: `oauth:<token>`. */
  password: string | null;
  /** With the `#`. */
  channel: string;
}

/** Twitch's IRC gateway; tests point the same bridge at a loopback ngircd. */
const REGISTER_TIMEOUT_MS = 15_000;

export const TWITCH_DEFAULTS = { server: 'irc.chat.twitch.tv', port: 6697, tls: true } as const;

/**
 * A chat bridge over IRC with irc-framework. Reconnects itself (the library's own reconnect gives up
 * after three tries) with exponential backoff, and reports each state change so the host sees it.
 */
export class IrcBridge implements ChatBridge {
  readonly platform: string;
  private client: Client | null = null;
  private state: BridgeState = 'off';
  private detail: string | null = null;
  private retryAt: number | null = null;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    private readonly config: IrcBridgeConfig,
    private readonly cb: BridgeCallbacks,
    private readonly deps: { clock: Clock; log: Logger },
  ) {
    this.platform = config.platform;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    if (client) {
      const closed = new Promise<void>((resolve) => {
        client.once('close', () => resolve());
        setTimeout(resolve, 1000).unref();
      });
      client.quit('DropDeck is closing');
      await closed;
      client.removeAllListeners();
    }
    this.set('off', null);
  }

  send(text: string): void {
    if (this.state !== 'connected' || !this.client) return;
    // IRC lines are single lines; the library splits long ones.
    this.client.say(this.config.channel, text.replace(/[\r\n]+/g, ' '));
  }

  status(): BridgeStatus {
    return {
      platform: this.platform,
      state: this.state,
      channel: this.config.channel,
      detail: this.detail,
      retryAt: this.retryAt,
      attempts: this.attempts,
    };
  }

  private connect(): void {
    this.retryTimer = null;
    this.attempts++;
    this.set(this.attempts > 1 ? 'reconnecting' : 'connecting', this.detail);
    const client = new irc.Client();
    this.client = client;
    const channel = this.config.channel.toLowerCase();
    client.on('registered', () => client.join(this.config.channel));
    client.on('join', (e: { nick: string; channel: string }) => {
      if (e.channel.toLowerCase() !== channel || client !== this.client) return;
      clearTimeout(registering);
      this.attempts = 0;
      this.retryAt = null;
      this.set('connected', null);
    });
    client.on('privmsg', (e: PrivmsgEvent) => {
      if (e.target.toLowerCase() !== channel || client !== this.client) return;
      const displayName = e.tags?.['display-name'] || e.nick;
      this.cb.onLine({ platform: this.platform, user: e.nick.toLowerCase(), displayName, text: e.message });
    });
    client.on('socket close', (err: unknown) => {
      if (err) this.detail = err instanceof Error ? err.message : 'connection closed';
    });
    const giveUp = (): void => {
      clearTimeout(registering);
      if (client !== this.client || this.stopped) return;
      client.removeAllListeners();
      this.client = null;
      this.scheduleRetry();
    };
    client.on('close', giveUp);
    // A server that accepts the socket but never lets us in (bad nick, bad token) must not leave the
    // bridge "connecting" for ever: give up on this attempt and back off.
    const registering = setTimeout(() => {
      if (this.state === 'connected' || client !== this.client) return;
      this.detail = 'the server did not let the bridge join in time (check nick, token and channel)';
      client.quit();
      giveUp();
    }, REGISTER_TIMEOUT_MS);
    registering.unref();
    client.connect({
      host: this.config.server,
      port: this.config.port,
      tls: this.config.tls,
      nick: this.config.nick,
      username: this.config.nick,
      gecos: 'DropDeck',
      ...(this.config.password ? { password: this.config.password } : {}),
      auto_reconnect: false,
      // A dead server is noticed within a minute, not the library's default two.
      ping_interval: 20,
      ping_timeout: 45,
    });
  }

  private scheduleRetry(): void {
    const wait = backoffMs(this.attempts);
    this.retryAt = this.deps.clock.now() + wait;
    this.set('reconnecting', this.detail ?? 'disconnected');
    this.deps.log.warn('chat bridge disconnected; retrying', { platform: this.platform, waitMs: wait });
    this.retryTimer = setTimeout(() => this.connect(), wait);
    this.retryTimer.unref();
  }

  private set(state: BridgeState, detail: string | null): void {
    this.state = state;
    this.detail = detail;
    this.cb.onStatus(this.status());
  }
}
