import { z } from 'zod';
import type { Result } from './result';

/**
 * The public `/chat` socket.io namespace (viewer page `/chat`, overlay `/overlay/chat`, leaderboard).
 * Viewers may only join with a display name and send a message; no drop or moderation command is
 * reachable here (those are `/control` commands, see shared/contract/commands/chat.ts).
 */
export const CHAT_NAMESPACE = '/chat' as const;

/** Longest message a viewer may send (characters, after trimming). */
export const CHAT_MAX_LENGTH = 300;

/** Where a message was said: the room (venue QR), the stream page, elsewhere, a bridged platform. */
export const CHAT_WEB_SOURCES = ['venue', 'stream', 'remote'] as const;
export type ChatWebSource = (typeof CHAT_WEB_SOURCES)[number];

export type ChatKind = 'viewer' | 'host' | 'announcement' | 'reply';

export interface ChatBadge {
  id: 'verified' | 'first' | 'repeat';
  label: string;
}

export interface ChatAction {
  label: string;
  /** A same-origin path (`/hold/…`, `/r/…`) the page turns into a button. */
  href: string;
}

export interface ChatMessage {
  id: number;
  at: number;
  kind: ChatKind;
  /** `venue`, `stream`, `remote`, `dropdeck`, or a bridge's platform (`twitch`…). */
  source: string;
  displayName: string;
  body: string;
  badges: ChatBadge[];
  /** Only on replies meant for one viewer (a `!claim`'s hold link), never broadcast. */
  action?: ChatAction;
}

/** Moderators see who said it (to mute them); public sockets never get sender keys. */
export interface ModeratedChatMessage extends ChatMessage {
  senderKey: string | null;
}

export interface ChatPublicSettings {
  slowModeSec: number;
  maxLength: number;
}

export interface ChatInit {
  messages: ChatMessage[];
  settings: ChatPublicSettings;
  /** The joined viewer's name, when the handshake carried one. */
  you: { displayName: string } | null;
}

export interface LeaderboardRow {
  displayName: string;
  points: number;
}

export interface ChatServerToClientEvents {
  'chat:init': (init: ChatInit) => void;
  'chat:message': (message: ChatMessage) => void;
  'chat:deleted': (info: { id: number }) => void;
  /** A reply for this socket only (e.g. a `!claim` hold link). */
  'chat:reply': (message: ChatMessage) => void;
  'chat:settings': (settings: ChatPublicSettings) => void;
  'chat:leaderboard': (rows: LeaderboardRow[]) => void;
}

export interface ChatClientToServerEvents {
  'chat:join': (req: ChatJoin, ack: (result: Result<{ displayName: string }>) => void) => void;
  'chat:send': (req: ChatSend, ack: (result: Result<{ id: number | null }>) => void) => void;
}

/**
 * Handshake `auth`: a viewer page sends its random per-browser `session` (kept in localStorage; the
 * core only stores a hash of it) and where it was opened from; overlays send nothing (read-only).
 */
export const ChatAuthSchema = z.object({
  session: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
  source: z.enum(CHAT_WEB_SOURCES).optional(),
  /** `leaderboard`: also receive leaderboard patches. */
  view: z.enum(['chat', 'leaderboard']).optional(),
});

/** Control characters and bidi overrides make a line look like something else; refused. */
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const ChatNameSchema = z
  .string()
  .trim()
  .min(2, 'pick a name of at least 2 characters')
  .max(24, 'names can be at most 24 characters')
  .refine((s) => !UNSAFE.test(s), 'names must not contain control characters')
  .refine((s) => !/^dropdeck$/i.test(s), 'that name is taken by DropDeck itself');

export const ChatJoinSchema = z.object({
  displayName: ChatNameSchema,
  /** Appear on the top-supporters leaderboard (display name only). */
  leaderboard: z.boolean().default(false),
});
export type ChatJoin = z.input<typeof ChatJoinSchema>;

export const ChatSendSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'say something first')
    .max(CHAT_MAX_LENGTH, `messages can be at most ${CHAT_MAX_LENGTH} characters`)
    .refine((s) => !UNSAFE.test(s), 'messages must not contain control characters'),
});
export type ChatSend = z.input<typeof ChatSendSchema>;

export type BridgeState = 'off' | 'connecting' | 'connected' | 'reconnecting' | 'error';

export interface BridgeStatus {
  platform: string;
  state: BridgeState;
  channel: string | null;
  /** The last error or disconnect reason, for the host. */
  detail: string | null;
  /** When the next reconnect attempt is due (epoch ms), while reconnecting. */
  retryAt: number | null;
  attempts: number;
}
