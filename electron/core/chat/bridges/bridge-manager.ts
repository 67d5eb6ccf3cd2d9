import type { BridgeStatus, ModeratedChatMessage } from '../../../../shared/chat-events';
import type { Clock } from '../../clock';
import type { CoreEvents } from '../../core-events';
import { AppError } from '../../domain-error';
import type { Logger } from '../../log';
import type { ChatService } from '../chat-service';
import type { BridgedLine, ChatBridge } from './bridge';
import { IrcBridge, TWITCH_DEFAULTS, type IrcBridgeConfig } from './irc-bridge';

export interface TwitchSettings {
  channel: string;
  nick: string;
  token: string | null;
  server?: string;
  port?: number;
  tls?: boolean;
}

/** `DROPDECK_TWITCH_*` (and `DROPDECK_IRC_*` overrides for tests or other IRC networks). */
export function twitchFromEnv(env: NodeJS.ProcessEnv): TwitchSettings | null {
  const channel = env.DROPDECK_TWITCH_CHANNEL?.trim();
  const nick = env.DROPDECK_TWITCH_NICK?.trim();
  if (!channel || !nick) return null;
  const port = Number(env.DROPDECK_IRC_PORT);
  return {
    channel,
    nick,
    token: env.DROPDECK_TWITCH_TOKEN?.trim() || null,
    server: env.DROPDECK_IRC_SERVER?.trim() || undefined,
    port: Number.isInteger(port) && port > 0 ? port : undefined,
    tls: env.DROPDECK_IRC_TLS === undefined ? undefined : env.DROPDECK_IRC_TLS === '1',
  };
}

export function ircConfig(s: TwitchSettings): IrcBridgeConfig {
  const token = s.token?.trim() ?? '';
  return {
    platform: 'twitch',
    server: s.server ?? TWITCH_DEFAULTS.server,
    port: s.port ?? TWITCH_DEFAULTS.port,
    tls: s.tls ?? TWITCH_DEFAULTS.tls,
    nick: s.nick.toLowerCase(),
    password: token === '' ? null : token.startsWith('oauth:') ? token : `oauth:${token}`,
    channel: s.channel.startsWith('#') ? s.channel.toLowerCase() : `#${s.channel.toLowerCase()}`,
  };
}

export interface BridgeManagerDeps {
  chat: Pick<ChatService, 'say'>;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
}

/**
 * The chat's bridges by platform. Lines heard on a platform go through the same chat door as the
 * viewer page (mutes, limits, filter, commands); DropDeck's own lines — announcements, command
 * replies, the host's messages — go out to every connected bridge.
 */
export class BridgeManager {
  private readonly bridges = new Map<string, ChatBridge>();
  private readonly onMessage = (m: ModeratedChatMessage): void => {
    if (m.kind === 'viewer') return;
    for (const b of this.bridges.values()) b.send(m.kind === 'host' ? `${m.displayName}: ${m.body}` : m.body);
  };

  constructor(private readonly d: BridgeManagerDeps) {
    d.events.on('chat:message', this.onMessage);
  }

  /** Replaces the Twitch bridge (or removes it with `null`). */
  async configureTwitch(settings: TwitchSettings | null): Promise<BridgeStatus | null> {
    await this.bridges.get('twitch')?.stop();
    this.bridges.delete('twitch');
    if (!settings) return null;
    const bridge = new IrcBridge(
      ircConfig(settings),
      {
        onLine: (line) => this.heard(line),
        onStatus: (status) => this.d.events.emit('chat:bridge-status', status),
      },
      { clock: this.d.clock, log: this.d.log },
    );
    this.bridges.set('twitch', bridge);
    bridge.start();
    return bridge.status();
  }

  statuses(): BridgeStatus[] {
    return [...this.bridges.values()].map((b) => b.status());
  }

  async stop(): Promise<void> {
    this.d.events.off('chat:message', this.onMessage);
    await Promise.all([...this.bridges.values()].map((b) => b.stop()));
    this.bridges.clear();
  }

  private heard(line: BridgedLine): void {
    // IRC colour codes and other control characters never reach the chat.
    const text = line.text
      .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '')
      .trim()
      .slice(0, 300);
    if (text === '') return;
    try {
      this.d.chat.say(
        {
          senderKey: `${line.platform}:${line.user}`,
          displayName: line.displayName.slice(0, 24),
          source: line.platform,
          address: null,
        },
        text,
      );
    } catch (error) {
      // Muted or too fast on their platform: their line simply doesn't enter DropDeck's chat.
      if (!(error instanceof AppError)) throw error;
      this.d.log.info('bridged line refused', { platform: line.platform, code: error.code });
    }
  }
}
