import type { BridgeStatus } from '../../../../shared/chat-events';

/** A line said on another platform, as the bridge hands it to the chat. */
export interface BridgedLine {
  platform: string;
  /** The platform's stable user name (the chat keys mutes and limits on it). */
  user: string;
  displayName: string;
  text: string;
}

/**
 * What the chat needs of another platform's chat (Twitch over IRC today; YouTube live chat or others
 * tomorrow): start and stop it, say a line into it, hear its lines, and report its state.
 */
export interface ChatBridge {
  readonly platform: string;
  start(): void;
  stop(): Promise<void>;
  /** Says DropDeck's line on the platform; silently skipped while disconnected (status shows why). */
  send(text: string): void;
  status(): BridgeStatus;
}

export interface BridgeCallbacks {
  onLine(line: BridgedLine): void;
  onStatus(status: BridgeStatus): void;
}

/** Reconnect delays: 0.5 s doubling to 30 s, with up to 20 % jitter so many bridges don't sync up. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.2 * random()));
}
