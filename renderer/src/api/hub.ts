import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HUB_NAMESPACES, ServerToClientEvents } from '../../../shared/hub-events';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Type-checked against the shared constant, but not imported as a value: hub-events.ts also builds zod
 * schemas, which would otherwise be bundled into the panel for nothing.
 */
const CONTROL_NAMESPACE: (typeof HUB_NAMESPACES)['control'] = '/control';

/**
 * The control namespace of the core's realtime hub, on the same origin the panel was served from.
 * Created disconnected: the caller's effect connects it, so creating it during render is side-effect free.
 */
export function createHubSocket(token: string, origin = window.location.origin): HubSocket {
  return io(`${origin}${CONTROL_NAMESPACE}`, {
    auth: { token },
    autoConnect: false,
    // A fresh connection per panel mount: never share a manager (and its auth) with an older socket.
    forceNew: true,
    // Keep retrying forever: the core may be restarting, or the phone changing Wi-Fi.
    reconnection: true,
    reconnectionDelayMax: 5_000,
  });
}

/**
 * socket.io reports handshake refusals as `connect_error`; the hub attaches the same `{code, message}`
 * as the HTTP API in `error.data`. Other connect errors (core down, Wi-Fi gone) are worth retrying.
 */
export function isAuthRefusal(error: Error & { data?: unknown }): boolean {
  const data = error.data as { code?: unknown } | undefined;
  return data?.code === 'unauthorized' || data?.code === 'forbidden';
}
