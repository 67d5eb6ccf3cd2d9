import { systemActor } from '../devices/principal';
import type { DefaultEventsMap, Namespace, Server } from 'socket.io';
import {
  HUB_NAMESPACES,
  LinkCurrentRequestSchema,
  OverlayAuthSchema,
  type OverlayClientToServerEvents,
  type OverlayServerToClientEvents,
} from '../../../shared/hub-events';
import { AppError } from '../domain-error';
import { NOT_ON_AIR, publicLink, toLinkState } from '../overlays/live-link';
import type { CoreServices } from '../services';
import { describeIssues } from '../commands/describe-issues';
import { ackHandler } from './ack';
import { clockPingHandler } from './clock-ping';
import { connectError } from './connect-error';
import { rooms } from './rooms';
import { overlaySnapshot, type RecentSales } from './snapshot';

export interface OverlaySocketData {
  /** The one drop this page follows; undefined = every announced drop. */
  dropId?: number;
}

type OverlayServer = Server<
  OverlayClientToServerEvents,
  OverlayServerToClientEvents,
  DefaultEventsMap,
  OverlaySocketData
>;
export type OverlayNamespace = Namespace<
  OverlayClientToServerEvents,
  OverlayServerToClientEvents,
  DefaultEventsMap,
  OverlaySocketData
>;

/** Who the audit log credits for links an overlay made exist. */
const OVERLAY_ACTOR = systemActor('overlay');

/**
 * `/overlay`: public and read-only (OBS browser sources cannot hold a secret). Sockets only receive
 * public drop state and may only sync their clock and ask for a QR link.
 */
export function setupOverlayNamespace(io: Server, s: CoreServices, sales: RecentSales): OverlayNamespace {
  // One Server hosts two contracts; socket.io types namespaces by their server's generics.
  const nsp = (io as OverlayServer).of(HUB_NAMESPACES.overlay);

  nsp.use((socket, next) => {
    const auth = OverlayAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(connectError('bad_request', describeIssues(auth.error)));
    socket.data.dropId = auth.data.dropId;
    next();
  });

  nsp.on('connection', (socket) => {
    const { dropId } = socket.data;
    // Join before the snapshot is read: both are synchronous, so no patch can fall in between.
    void socket.join(dropId === undefined ? rooms.announced : rooms.drop(dropId));
    socket.emit('state:init', overlaySnapshot(s, sales, dropId));

    socket.on('clock:ping', clockPingHandler(s.clock));
    socket.on(
      'link:current',
      ackHandler(
        'link:current',
        (payload) => {
          const parsed = LinkCurrentRequestSchema.safeParse(payload);
          if (!parsed.success) throw new AppError('bad_request', describeIssues(parsed.error));
          const req = parsed.data;
          const drop = s.engine.get(req.dropId);
          if (!drop) throw NOT_ON_AIR();
          const link = publicLink(s, drop, req.touchpoint, OVERLAY_ACTOR);
          // This page now shows that QR: it hears rotations, and its room tells the rotator to rotate.
          void socket.join(rooms.qr(drop.id, req.touchpoint));
          return toLinkState(link);
        },
        s.log,
      ),
    );
  });
  return nsp;
}
