import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  ChatClientToServerEvents,
  ChatInit,
  ChatServerToClientEvents,
} from '../../../../shared/chat-events';
import type { Result } from '../../../../shared/result';

export type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

const open: Socket[] = [];

/** A viewer page's socket (with a fresh session) or, with `session: null`, a read-only overlay's. */
export async function chatSocket(
  url: string,
  auth: { session?: string | null; source?: string; view?: string } = {},
): Promise<{ socket: ChatSocket; init: ChatInit }> {
  const session = auth.session === undefined ? randomBytes(16).toString('hex') : auth.session;
  const socket: ChatSocket = io(`${url}/chat`, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    auth: {
      ...(session ? { session } : {}),
      ...(auth.source ? { source: auth.source } : {}),
      ...(auth.view ? { view: auth.view } : {}),
    },
  });
  open.push(socket);
  const init = await new Promise<ChatInit>((resolve, reject) => {
    socket.once('chat:init', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, init };
}

export function join(
  socket: ChatSocket,
  displayName: string,
  leaderboard = false,
): Promise<Result<{ displayName: string }>> {
  return socket.emitWithAck('chat:join', { displayName, leaderboard });
}

export function send(socket: ChatSocket, body: string): Promise<Result<{ id: number | null }>> {
  return socket.emitWithAck('chat:send', { body });
}

export function closeChatSockets(): void {
  for (const s of open.splice(0)) s.disconnect();
}
