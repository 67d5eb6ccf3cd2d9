import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { CommandRunner } from '../commands/execute';
import type { AllowedHosts } from '../net/host-check';
import type { CoreServices } from '../services';
import { bridgeCoreEvents } from './broadcaster';
import { setupChatNamespace, type ChatHubDeps } from './chat-namespace';
import { disconnectDevice, setupControlNamespace } from './control-namespace';
import type { DeviceService } from '../devices/device-service';
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

export interface HubDeps {
  auth: Pick<DeviceService, 'authenticate'>;
  run: CommandRunner;
  /** The same DNS-rebinding guard as HTTP: sockets from a page that renamed us are refused. */
  hosts: Pick<AllowedHosts, 'allows'>;
  /** Proxies whose X-Forwarded-For is believed (for the login throttle's client address). */
  trustedProxies: ReadonlySet<string>;
  /** The public `/chat` namespace, when the chat runs. */
  chat?: ChatHubDeps;
}

/**
 * The realtime hub on the core's HTTP server (same port, `/socket.io/`): `/overlay` for OBS pages,
 * `/control` for the panel and co-host phones. See shared/hub-events.ts for the contract.
 */
export function attachHub(httpServer: HttpServer, s: CoreServices, deps: HubDeps): Hub {
  const io = new Server(httpServer, {
    // The pages bundle their own client; nothing needs /socket.io/socket.io.js.
    serveClient: false,
    // Payloads are small JSON; a tight limit keeps a public namespace from being fed megabytes.
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => callback(null, deps.hosts.allows(req.headers.host)),
  });
  const sales = new RecentSales(s.db);
  const overlay = setupOverlayNamespace(io, s, sales);
  const control = setupControlNamespace(io, s, sales, deps.auth, deps.run, deps.trustedProxies);

  const stats = new StatsTicker(s.stats, (patch) => control.emit('stats:updated', patch));
  const rotator = new LinkRotator(s, () => watchedQrs(overlay.adapter.rooms.keys()));
  const ticker = new LiveTicker(s.drops.listByState(['live']), {
    clock: s.clock,
    log: s.log,
    stats,
    rotator,
  });
  const chat = deps.chat ? setupChatNamespace(io, deps.chat, deps.trustedProxies) : null;
  const unbridge = bridgeCoreEvents(s.events, overlay, control, ticker);
  const onRevoked = (deviceId: number): void => {
    disconnectDevice(control, deviceId).catch((error: unknown) =>
      s.log.error('could not drop a revoked device', { deviceId, error: String(error) }),
    );
  };
  s.events.on('device:revoked', onRevoked);

  return {
    io,
    close() {
      unbridge();
      s.events.off('device:revoked', onRevoked);
      ticker.stop();
      // Not io.close(): that would also close the HTTP server, which Fastify closes itself.
      overlay.disconnectSockets(true);
      control.disconnectSockets(true);
      chat?.close();
      io.engine.close();
    },
  };
}
