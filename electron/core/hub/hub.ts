import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { TokenResolver } from '../devices/tokens';
import type { CoreServices } from '../services';
import { bridgeCoreEvents } from './broadcaster';
import { setupControlNamespace } from './control-namespace';
import { LinkRotator } from './link-rotator';
import { LiveTicker } from './live-ticker';
import { setupOverlayNamespace } from './overlay-namespace';
import { watchedQrs } from './rooms';
import { RecentSales } from './snapshot';
import { StatsTicker } from './stats-ticker';

export interface Hub {
  io: Server;
  /** Disconnects every client and stops the ticker; leaves the HTTP server to its owner. */
  close(): void;
}

/**
 * The realtime hub on the core's HTTP server (same port, `/socket.io/`): `/overlay` for OBS pages,
 * `/control` for the panel. See shared/hub-events.ts for the contract.
 */
export function attachHub(httpServer: HttpServer, s: CoreServices, resolveToken: TokenResolver): Hub {
  const io = new Server(httpServer, {
    // The pages bundle their own client; nothing needs /socket.io/socket.io.js.
    serveClient: false,
    // Payloads are small JSON; a tight limit keeps a public namespace from being fed megabytes.
    maxHttpBufferSize: 64 * 1024,
  });
  const sales = new RecentSales(s.db);
  const overlay = setupOverlayNamespace(io, s, sales);
  const control = setupControlNamespace(io, s, sales, resolveToken);

  const stats = new StatsTicker(s.stats, (patch) => control.emit('stats:updated', patch));
  const rotator = new LinkRotator(s, () => watchedQrs(overlay.adapter.rooms.keys()));
  const ticker = new LiveTicker(s.drops.listByState(['live']), {
    clock: s.clock,
    log: s.log,
    stats,
    rotator,
  });
  const unbridge = bridgeCoreEvents(s.events, overlay, control, ticker);

  return {
    io,
    close() {
      unbridge();
      ticker.stop();
      // Not io.close(): that would also close the HTTP server, which Fastify closes itself.
      overlay.disconnectSockets(true);
      control.disconnectSockets(true);
      io.engine.close();
    },
  };
}
