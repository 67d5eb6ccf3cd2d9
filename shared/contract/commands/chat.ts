import { z } from 'zod';
import { CHAT_MAX_LENGTH } from '../../chat-events';
import { command } from '../command';
import { Id, NoInput, QueryInt, SafeText } from '../fields';

const BadgeSchema = z.object({ id: z.enum(['verified', 'first', 'repeat']), label: z.string() });

export const ModeratedChatMessageSchema = z.object({
  id: z.int(),
  at: z.int(),
  kind: z.enum(['viewer', 'host', 'announcement', 'reply']),
  source: z.string(),
  displayName: z.string(),
  body: z.string(),
  badges: z.array(BadgeSchema),
  senderKey: z.string().nullable(),
});

const ChatSettingsOutSchema = z.object({
  slowModeSec: z.int(),
  retentionDays: z.int(),
  wordFilter: z.array(z.string()),
  announceGapSec: z.int(),
  templates: z.record(z.string(), z.string()),
});

const TEMPLATE_KEYS = ['started', 'half', 'last10', 'lastMinute', 'soldOut', 'restocked'] as const;

export const BridgeStatusSchema = z.object({
  platform: z.string(),
  state: z.enum(['off', 'connecting', 'connected', 'reconnecting', 'error']),
  channel: z.string().nullable(),
  detail: z.string().nullable(),
  retryAt: z.int().nullable(),
  attempts: z.int(),
});

const SenderKey = z.string().regex(/^[a-z]{2,12}:[A-Za-z0-9_.-]{1,40}$/, 'not a chat sender key');
export const VanityPathSchema = z
  .string()
  .regex(/^[a-z0-9]{2,30}$/, 'vanity paths are 2-30 lowercase letters or digits, easy to say aloud');

/** The hybrid-audience chat: moderation (co-hosts), settings and bridges (host). */
export const chatCommands = {
  'chat:list': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/chat/messages',
    input: z.object({ limit: QueryInt(z.int().min(1).max(500)).default(100) }),
    output: z.array(ModeratedChatMessageSchema),
    summary: 'Recent chat messages from every source, oldest first, with sender keys for moderation',
  }),
  'chat:say': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/chat/messages',
    status: 201,
    input: z.object({ body: SafeText(1, CHAT_MAX_LENGTH, 'message') }).strict(),
    output: ModeratedChatMessageSchema.omit({ senderKey: true }),
    summary: 'Say something in the chat as the host (also goes out to the bridges)',
    errors: ['bad_request'],
  }),
  'chat:delete': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/chat/messages/:id/delete',
    input: z.object({ id: Id }),
    output: z.object({ id: z.int() }),
    summary: 'Delete a message: it disappears from every viewer page and overlay',
    errors: ['not_found', 'gone'],
  }),
  'chat:mute': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/chat/mutes',
    input: z
      .object({
        senderKey: SenderKey,
        minutes: z
          .int()
          .min(1)
          .max(7 * 24 * 60),
      })
      .strict(),
    output: z.object({ senderKey: z.string(), until: z.int() }),
    summary: 'Mute a sender for N minutes: their messages reach no page, overlay or bridge',
    errors: ['bad_request'],
  }),
  'chat:slow-mode': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/chat/slow-mode',
    input: z.object({ seconds: z.int().min(0).max(600) }).strict(),
    output: ChatSettingsOutSchema,
    summary: 'Slow mode: one message per sender every N seconds (0 turns it off)',
    errors: ['bad_request'],
  }),
  'chat:settings': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/chat/settings',
    input: NoInput,
    output: ChatSettingsOutSchema,
    summary: 'Chat settings: slow mode, retention, word filter, announcement gap and templates',
  }),
  'chat:configure': command({
    access: 'host',
    method: 'PATCH',
    path: '/api/chat/settings',
    input: z
      .object({
        retentionDays: z.int().min(1).max(3650).optional(),
        wordFilter: z
          .array(SafeText(1, 40, 'filtered word'))
          .max(200)
          .optional(),
        announceGapSec: z.int().min(0).max(3600).optional(),
        templates: z.partialRecord(z.enum(TEMPLATE_KEYS), SafeText(1, 280, 'template')).optional(),
      })
      .strict(),
    output: ChatSettingsOutSchema,
    summary: 'Retention, word filter and the announcer (gap between announcements, templates)',
    errors: ['bad_request'],
  }),
  'chat:bridge-configure': command({
    access: 'host',
    method: 'POST',
    path: '/api/chat/bridges/twitch',
    input: z
      .object({
        enabled: z.boolean(),
        channel: z
          .string()
          .regex(/^#?[a-z0-9_]{1,50}$/i, 'a channel name such as "#mychannel"')
          .optional(),
        nick: z
          .string()
          .regex(/^[a-z0-9_]{1,40}$/i, 'an IRC/Twitch login name')
          .optional(),
        /** Twitch: the chat token (`oauth:…`); kept in memory only. */
        token: z.string().min(1).max(200).optional(),
        server: z
          .string()
          .regex(/^[a-z0-9.-]{1,253}$/i, 'a host name')
          .optional(),
        port: z.int().min(1).max(65535).optional(),
        tls: z.boolean().optional(),
      })
      .strict()
      .refine((b) => !b.enabled || (b.channel !== undefined && b.nick !== undefined), {
        message: 'channel and nick are required to enable the bridge',
      }),
    output: z.array(BridgeStatusSchema),
    summary: 'Connect (or disconnect) the Twitch chat bridge; the server is configurable',
    errors: ['bad_request'],
  }),
  'chat:bridge-status': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/chat/bridges',
    input: NoInput,
    output: z.array(BridgeStatusSchema),
    summary: "Each chat bridge's connection state",
  }),
  'chat:vanity': command({
    access: 'host',
    method: 'POST',
    path: '/api/drops/:id/vanity',
    input: z.object({ id: Id, path: VanityPathSchema }).strict(),
    output: z.object({ path: z.string(), url: z.string(), dropId: z.int() }),
    summary: 'A short path to say aloud on audio shows (/go/tote) → the current audio link of the drop',
    errors: ['bad_request', 'not_found'],
  }),
};
