import { createHash } from 'node:crypto';
import type { DefaultEventsMap, Namespace, Server } from 'socket.io';
import {
  CHAT_NAMESPACE,
  ChatAuthSchema,
  ChatJoinSchema,
  ChatSendSchema,
  type ChatClientToServerEvents,
  type ChatMessage,
  type ChatPublicSettings,
  type ChatServerToClientEvents,
  type ChatWebSource,
  type ModeratedChatMessage,
} from '../../../shared/chat-events';
import type { ChatService } from '../chat/chat-service';
import type { ChatSettingsStore } from '../chat/chat-settings';
import type { Recognition } from '../chat/recognition';
import { describeIssues } from '../commands/describe-issues';
import type { CoreEvents } from '../core-events';
import { AppError } from '../domain-error';
import type { Logger } from '../log';
import { clientAddress } from '../net/client-address';
import type { ChatRepo } from '../store/chat-repo';
import { ackHandler } from './ack';
import { connectError } from './connect-error';

export interface ChatSocketData {
  /** `web:<hash of the page's session>`; absent for read-only overlays. */
  senderKey?: string;
  displayName?: string;
  source: ChatWebSource;
  clientAddress: string;
}

type ChatServer = Server<
  ChatClientToServerEvents,
  ChatServerToClientEvents,
  DefaultEventsMap,
  ChatSocketData
>;
export type ChatNamespace = Namespace<
  ChatClientToServerEvents,
  ChatServerToClientEvents,
  DefaultEventsMap,
  ChatSocketData
>;

export interface ChatHubDeps {
  chat: Pick<ChatService, 'say' | 'recent'>;
  settings: Pick<ChatSettingsStore, 'publicView'>;
  recognition: Pick<Recognition, 'leaderboard'>;
  repo: Pick<ChatRepo, 'optIn'>;
  events: CoreEvents;
  clock: { now(): number };
  log: Logger;
}

const LEADERBOARD_ROOM = 'leaderboard';
const senderRoom = (key: string): string => `sender:${key}`;
/** The leaderboard is recomputed at most this often, however busy the chat. */
const LEADERBOARD_EVERY_MS = 2_000;

/** The page's session is a bearer of the viewer's identity here; only its hash is kept. */
export const senderKeyOf = (session: string): string =>
  `web:${createHash('sha256').update(session).digest('hex').slice(0, 24)}`;

const publicView = ({ senderKey: _omit, ...m }: ModeratedChatMessage): ChatMessage => m;

/**
 * `/chat`: public. Viewer pages may join with a display name and send lines (validated, limited,
 * filtered by the chat service); overlays only listen. Nothing else is reachable here, and sender keys
 * never leave the core on this namespace.
 */
export function setupChatNamespace(
  io: Server,
  d: ChatHubDeps,
  trustedProxies: ReadonlySet<string>,
): { nsp: ChatNamespace; close(): void } {
  const nsp = (io as ChatServer).of(CHAT_NAMESPACE);

  nsp.use((socket, next) => {
    const auth = ChatAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(connectError('bad_request', describeIssues(auth.error)));
    socket.data.source = auth.data.source ?? 'remote';
    socket.data.clientAddress = clientAddress(socket.request, trustedProxies);
    if (auth.data.session) socket.data.senderKey = senderKeyOf(auth.data.session);
    if (auth.data.view === 'leaderboard') void socket.join(LEADERBOARD_ROOM);
    next();
  });

  nsp.on('connection', (socket) => {
    const { senderKey } = socket.data;
    if (senderKey) void socket.join(senderRoom(senderKey));
    socket.emit('chat:init', {
      messages: d.chat.recent().map(publicView),
      settings: d.settings.publicView(),
      you: null,
    });
    if (socket.rooms.has(LEADERBOARD_ROOM)) socket.emit('chat:leaderboard', d.recognition.leaderboard());

    socket.on(
      'chat:join',
      ackHandler(
        'chat:join',
        (payload) => {
          if (!senderKey) throw new AppError('forbidden', 'This page can only read the chat.');
          const parsed = ChatJoinSchema.safeParse(payload);
          if (!parsed.success) throw new AppError('bad_request', describeIssues(parsed.error));
          socket.data.displayName = parsed.data.displayName;
          if (parsed.data.leaderboard) d.repo.optIn(senderKey, parsed.data.displayName, d.clock.now());
          return { displayName: parsed.data.displayName };
        },
        d.log,
      ),
    );
    socket.on(
      'chat:send',
      ackHandler(
        'chat:send',
        (payload) => {
          const { displayName } = socket.data;
          if (!senderKey || !displayName) throw new AppError('forbidden', 'Pick a name first.');
          const parsed = ChatSendSchema.safeParse(payload);
          if (!parsed.success) throw new AppError('bad_request', describeIssues(parsed.error));
          return d.chat.say(
            { senderKey, displayName, source: socket.data.source, address: socket.data.clientAddress },
            parsed.data.body,
          );
        },
        d.log,
      ),
    );
  });

  let leaderboardTimer: NodeJS.Timeout | null = null;
  const refreshLeaderboard = (): void => {
    if (leaderboardTimer || !nsp.adapter.rooms.has(LEADERBOARD_ROOM)) return;
    leaderboardTimer = setTimeout(() => {
      leaderboardTimer = null;
      try {
        nsp.to(LEADERBOARD_ROOM).emit('chat:leaderboard', d.recognition.leaderboard());
      } catch (error) {
        d.log.warn('leaderboard refresh failed', { error: String(error) });
      }
    }, LEADERBOARD_EVERY_MS);
    leaderboardTimer.unref();
  };
  const onMessage = (m: ModeratedChatMessage): void => {
    nsp.emit('chat:message', publicView(m));
    if (m.kind === 'viewer') refreshLeaderboard();
  };
  const onSettings = (settings: ChatPublicSettings): void => void nsp.emit('chat:settings', settings);
  const onDeleted = (info: { id: number }): void => void nsp.emit('chat:deleted', info);
  const onPrivate = (key: string, m: ChatMessage): void => void nsp.to(senderRoom(key)).emit('chat:reply', m);
  d.events.on('chat:message', onMessage);
  d.events.on('chat:deleted', onDeleted);
  d.events.on('chat:settings', onSettings);
  d.events.on('chat:private', onPrivate);
  d.events.on('sale:recorded', refreshLeaderboard);
  return {
    nsp,
    close() {
      d.events.off('chat:message', onMessage);
      d.events.off('chat:deleted', onDeleted);
      d.events.off('chat:settings', onSettings);
      d.events.off('chat:private', onPrivate);
      d.events.off('sale:recorded', refreshLeaderboard);
      if (leaderboardTimer) clearTimeout(leaderboardTimer);
      nsp.disconnectSockets(true);
    },
  };
}
