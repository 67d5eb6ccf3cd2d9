import type { Drop } from '../../../shared/drops';
import { toPublicDrop, type LinkState, type RecentSale } from '../../../shared/hub-events';
import type { CoreEventMap, CoreEvents } from '../core-events';
import type { ControlNamespace } from './control-namespace';
import type { LiveTicker } from './live-ticker';
import type { OverlayNamespace } from './overlay-namespace';
import { rooms } from './rooms';

/**
 * Core facts → socket patches. Control sockets get everything; overlay sockets get the public view,
 * only in the rooms that follow that drop (drafts stay with pages opened for them explicitly).
 * Returns a function that unsubscribes from the bus.
 */
export function bridgeCoreEvents(
  events: CoreEvents,
  overlay: OverlayNamespace,
  control: ControlNamespace,
  ticker: LiveTicker,
): () => void {
  const dropRooms = (dropId: number, announced: boolean): string[] =>
    announced ? [rooms.drop(dropId), rooms.announced] : [rooms.drop(dropId)];

  const handlers: { [K in keyof CoreEventMap]?: (...args: CoreEventMap[K]) => void } = {
    'drop:updated': (drop: Drop) => {
      control.emit('drop:updated', drop);
      // A draft is not announced: public pages hear of it once it is scheduled or live.
      if (drop.state !== 'draft')
        overlay.to(dropRooms(drop.id, true)).emit('drop:updated', toPublicDrop(drop));
      ticker.update(drop);
    },
    'sale:recorded': (sale: RecentSale) => {
      control.emit('sale:recorded', sale);
      overlay.to(dropRooms(sale.dropId, true)).emit('sale:recorded', sale);
    },
    'link:rotated': (link: LinkState) => {
      control.emit('link:rotated', link);
      overlay.to(rooms.qr(link.dropId, link.touchpoint)).emit('link:rotated', link);
    },
    'obs:status': (status) => control.emit('obs:status', status),
    'obs:health': (health) => control.emit('obs:health', health),
    'obs:action-failed': (failure) => control.emit('obs:action-failed', failure),
    'store:health': (health) => control.emit('store:health', health),
    'relay:status': (status) => control.emit('relay:status', status),
    'stats:backfilled': (patch) => control.emit('stats:updated', patch),
    'webhook:rejected': (rejection) => control.emit('webhook:rejected', rejection),
    'chat:message': (message) => control.emit('chat:message', message),
    'chat:deleted': (info) => control.emit('chat:deleted', info),
    'chat:bridge-status': (status) => control.emit('chat:bridge-status', status),
  };

  const entries = Object.entries(handlers) as Array<[keyof CoreEventMap, (...args: unknown[]) => void]>;
  for (const [name, fn] of entries) events.on(name, fn);
  return () => {
    for (const [name, fn] of entries) events.off(name, fn);
  };
}
