import { RELAY_OFF } from '../../../shared/relay';
import { actorOf } from './actor';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';

type MiscHandlers = Pick<
  Handlers,
  | 'health:get'
  | 'relay:status'
  | 'sale:record'
  | 'obs:status'
  | 'obs:connect'
  | 'obs:disconnect'
  | 'obs:scenes'
  | 'obs:setup-overlays'
  | 'obs:health'
  | 'obs:action-failures'
>;

export function miscHandlers(d: CommandDeps): MiscHandlers {
  return {
    'health:get': () => ({
      ok: true as const,
      version: d.version,
      serverTime: d.clock.now(),
      store: d.storeHealth(),
    }),
    'relay:status': () => d.relay?.status() ?? RELAY_OFF,
    'sale:record': (input, ctx) => d.sales.record(input, actorOf(ctx)),
    'obs:status': () => d.obs.status(),
    'obs:connect': (input, ctx) => d.obs.connect(input, actorOf(ctx)),
    'obs:disconnect': (_input, ctx) => d.obs.disconnect(actorOf(ctx)),
    'obs:scenes': () => d.obs.listScenes(),
    'obs:setup-overlays': (input, ctx) => d.obs.setupOverlays(input, actorOf(ctx)),
    'obs:health': () => d.obs.latestHealth(),
    'obs:action-failures': () => d.obs.recentFailures(),
  };
}
