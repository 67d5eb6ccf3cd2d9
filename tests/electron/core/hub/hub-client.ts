import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  OverlayClientToServerEvents,
  OverlayServerToClientEvents,
  ServerToClientEvents,
} from '../../../../shared/hub-events';

export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type OverlaySocket = Socket<OverlayServerToClientEvents, OverlayClientToServerEvents>;

const opts = { forceNew: true, reconnection: false, transports: ['websocket'] };

/** Connected (or refused) sockets are tracked so `closeAll()` in afterEach leaves nothing open. */
const open: Socket[] = [];

export function overlaySocket(url: string, auth: { dropId?: number } = {}): OverlaySocket {
  const socket: OverlaySocket = io(`${url}/overlay`, { ...opts, auth });
  open.push(socket);
  return socket;
}

export function controlSocket(
  url: string,
  token: string | null,
  extraHeaders: Record<string, string> = {},
): ControlSocket {
  const socket: ControlSocket = io(`${url}/control`, {
    ...opts,
    auth: token === null ? {} : { token },
    extraHeaders,
  });
  open.push(socket);
  return socket;
}

export function closeAll(): void {
  for (const s of open.splice(0)) s.disconnect();
}

/** The next `event` whose payload passes `match` (events that arrived earlier are not replayed). */
export function next<T>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T): void => {
      if (!match(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Resolves with the handshake refusal, or rejects if the socket got in. */
export function refusal(socket: Socket): Promise<Error & { data?: { code: string; message: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect_error', resolve);
    socket.once('connect', () => reject(new Error('the hub let this socket in')));
  });
}

/**
 * Emits and waits for the ack. Raw (untyped) on purpose: tests send payloads the contract forbids.
 */
export function request<T>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, ...args) as Promise<T>;
}
