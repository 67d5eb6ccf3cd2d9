import type { DefaultEventsMap, Namespace, Server } from 'socket.io';
import type { z } from 'zod';
import {
  ControlAuthSchema,
  HUB_NAMESPACES,
  HubRequestSchemas,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../../shared/hub-events';
import type { TokenResolver } from '../devices/tokens';
import { notFound } from '../domain-error';
import { liveLink, toLinkState } from '../overlays/live-link';
import type { CoreServices } from '../services';
import { ackHandler } from './ack';
import { clockPingHandler } from './clock-ping';
import { connectError } from './connect-error';
import { controlSnapshot, type RecentSales } from './snapshot';

export interface ControlSocketData {
  /** Who the audit log credits for this socket's commands ('host' for the host token). */
  actor: string;
}

type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, ControlSocketData>;
export type ControlNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  DefaultEventsMap,
  ControlSocketData
>;

/**
 * `/control`: the control panel and co-host phones. The handshake must carry `auth: {token}`, checked
 * with the same resolver as the HTTP API's bearer tokens; commands run through the same drop engine
 * as `POST /api/drops/:id/...`, so both paths refuse and audit identically.
 */
export function setupControlNamespace(
  io: Server,
  s: CoreServices,
  sales: RecentSales,
  resolveToken: TokenResolver,
): ControlNamespace {
  // One Server hosts two contracts; socket.io types namespaces by their server's generics.
  const nsp = (io as ControlServer).of(HUB_NAMESPACES.control);

  nsp.use((socket, next) => {
    const auth = ControlAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success)
      return next(connectError('unauthorized', 'Missing host token: connect with auth: {token}.'));
    const actor = resolveToken(auth.data.token);
    if (!actor) return next(connectError('unauthorized', 'That token is not valid for this DropDeck.'));
    socket.data.actor = actor;
    next();
  });

  nsp.on('connection', (socket) => {
    const { actor } = socket.data;
    // Each command: validate with its shared schema, run as this socket's actor, answer a Result.
    const handle = <S extends z.ZodType, T>(
      event: keyof typeof HubRequestSchemas,
      schema: S,
      run: (req: z.infer<S>) => T,
    ) => ackHandler(event, schema, run, s.log);
    const R = HubRequestSchemas;

    socket.emit('state:init', controlSnapshot(s, sales));
    socket.on('clock:ping', clockPingHandler(s.clock));
    socket.on(
      'link:current',
      handle('link:current', R['link:current'], (req) => {
        const drop = s.drops.get(req.dropId);
        if (!drop) throw notFound(`Drop ${req.dropId}`);
        return toLinkState(liveLink(s, drop, req.touchpoint, actor));
      }),
    );
    socket.on(
      'drop:start',
      handle('drop:start', R['drop:start'], (req) => s.engine.start(req.dropId, actor)),
    );
    socket.on(
      'drop:extend',
      handle('drop:extend', R['drop:extend'], (req) => s.engine.extend(req.dropId, req.seconds, actor)),
    );
    socket.on(
      'drop:end',
      handle('drop:end', R['drop:end'], (req) => s.engine.end(req.dropId, actor)),
    );
    socket.on(
      'drop:restock',
      handle('drop:restock', R['drop:restock'], (req) =>
        s.engine.restock(req.dropId, req.units, actor, req.tierId),
      ),
    );
  });
  return nsp;
}
