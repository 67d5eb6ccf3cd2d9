import { actorOf } from './actor';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';

type DeviceHandlers = Pick<
  Handlers,
  | 'device:pairing'
  | 'device:pair'
  | 'device:whoami'
  | 'device:list'
  | 'device:rename'
  | 'device:revoke'
  | 'audit:list'
>;

export function deviceHandlers(d: CommandDeps): DeviceHandlers {
  return {
    'device:pairing': ({ role }, ctx) => d.devices.createPairing(role, actorOf(ctx)),
    'device:pair': (input, ctx) => d.devices.pair(input, ctx.clientAddress),
    'device:whoami': (_input, ctx) => {
      const { name, role, deviceId } = actorOf(ctx);
      return { name, role, deviceId };
    },
    'device:list': () => d.devices.list(),
    'device:rename': ({ id, name }, ctx) => d.devices.rename(id, name, actorOf(ctx)),
    'device:revoke': ({ id }, ctx) => d.devices.revoke(id, actorOf(ctx)),
    'audit:list': (filter) => d.audit.list(filter),
  };
}
