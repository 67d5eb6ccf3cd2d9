import { io, type Socket } from 'socket.io-client';
import type {
  HUB_NAMESPACES,
  OverlayClientToServerEvents,
  OverlayServerToClientEvents,
} from '../../../../shared/hub-events';

export type OverlaySocket = Socket<OverlayServerToClientEvents, OverlayClientToServerEvents>;

/** Checked against the shared constant but not imported as a value: that module pulls in zod. */
const OVERLAY_NAMESPACE: (typeof HUB_NAMESPACES)['overlay'] = '/overlay';

/**
 * The public `/overlay` namespace on the core that served this page. With a drop id the page follows
 * that drop; without one it hears every announced drop and shows whichever is live.
 */
export function connectOverlay(dropId: number | undefined): OverlaySocket {
  return io(`${window.location.origin}${OVERLAY_NAMESPACE}`, {
    auth: dropId === undefined ? {} : { dropId },
    // OBS loads these over loopback: go straight to WebSocket, keep polling only as a fallback.
    transports: ['websocket', 'polling'],
    // A stream can run for hours; DropDeck may restart in between. Never give up.
    reconnection: true,
    reconnectionDelayMax: 3_000,
  });
}
