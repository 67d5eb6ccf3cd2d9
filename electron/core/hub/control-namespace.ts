import type { DefaultEventsMap, Namespace, Server } from 'socket.io';
import { COMMANDS, type CommandName } from '../../../shared/contract';
import {
  ControlAuthSchema,
  HUB_NAMESPACES,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../../shared/hub-events';
import type { CommandRunner } from '../commands/execute';
import type { Principal } from '../devices/principal';
import { clientAddress } from '../net/client-address';
import type { CoreServices } from '../services';
import { ackHandler } from './ack';
import { clockPingHandler } from './clock-ping';
import { connectError } from './connect-error';
import type { DeviceService } from '../devices/device-service';
import { controlSnapshot, type RecentSales } from './snapshot';

export interface ControlSocketData {
  /** Who this socket acts as; checked again by the runner on every command. */
  principal: Principal;
  clientAddress: string;
}

type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, ControlSocketData>;
export type ControlNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  DefaultEventsMap,
  ControlSocketData
>;

/**
 * `/control`: the control panel and co-host phones. The handshake carries `auth: {token}` (the host
 * token or a device token), checked and throttled like HTTP bearer tokens. Every command of the
 * contract is an event of the same name, run by the same runner as its HTTP route, so both doors
 * refuse, audit and answer identically.
 */
export function setupControlNamespace(
  io: Server,
  s: Pick<CoreServices, 'engine' | 'clock' | 'obs' | 'log'>,
  sales: RecentSales,
  auth: Pick<DeviceService, 'authenticate'>,
  run: CommandRunner,
  trustedProxies: ReadonlySet<string>,
): ControlNamespace {
  // One Server hosts two contracts; socket.io types namespaces by their server's generics.
  const nsp = (io as ControlServer).of(HUB_NAMESPACES.control);

  nsp.use((socket, next) => {
    const parsed = ControlAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success)
      return next(connectError('unauthorized', 'Sign in first: connect with auth: {token}.'));
    const address = clientAddress(socket.request, trustedProxies);
    auth.authenticate(parsed.data.token, address).then(
      (principal) => {
        socket.data.principal = principal;
        socket.data.clientAddress = address;
        next();
      },
      (error: Error & { code?: string }) =>
        next(connectError(error.code === 'rate_limited' ? 'rate_limited' : 'unauthorized', error.message)),
    );
  });

  nsp.on('connection', (socket) => {
    const ctx = { principal: socket.data.principal, clientAddress: socket.data.clientAddress };
    socket.emit('state:init', controlSnapshot(s, sales));
    socket.on('clock:ping', clockPingHandler(s.clock));
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      // Untyped on purpose: whatever the contract says, a socket can send anything; the runner checks.
      (socket as unknown as { on(event: string, fn: (payload: unknown, ack: unknown) => void): void }).on(
        name,
        ackHandler(name, (payload) => run(name, payload, ctx), s.log),
      );
    }
  });
  return nsp;
}

/** Drops every open socket of a revoked device, telling it why first. */
export async function disconnectDevice(nsp: ControlNamespace, deviceId: number): Promise<number> {
  const sockets = await nsp.fetchSockets();
  let dropped = 0;
  for (const socket of sockets) {
    if (socket.data.principal.deviceId !== deviceId) continue;
    socket.emit('session:revoked', { message: 'The host revoked this device. Ask them to pair it again.' });
    socket.disconnect(true);
    dropped++;
  }
  return dropped;
}
