import { AppError } from '../domain-error';
import { actorOf } from './actor';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';

type ChatHandlers = Pick<
  Handlers,
  | 'chat:list'
  | 'chat:say'
  | 'chat:delete'
  | 'chat:mute'
  | 'chat:slow-mode'
  | 'chat:settings'
  | 'chat:configure'
  | 'chat:bridge-configure'
  | 'chat:bridge-status'
  | 'chat:vanity'
>;

export function chatHandlers(d: CommandDeps): ChatHandlers {
  const chat = (): NonNullable<CommandDeps['chat']> => {
    if (!d.chat) throw new AppError('unsupported', 'The chat is not running in this core.');
    return d.chat;
  };
  const settingsChanged = (): ReturnType<NonNullable<CommandDeps['chat']>['settings']['get']> => {
    const c = chat();
    c.events.emit('chat:settings', c.settings.publicView());
    return c.settings.get();
  };
  return {
    'chat:list': ({ limit }) => chat().service.recent(limit),
    'chat:say': ({ body }, ctx) => chat().service.hostSay(actorOf(ctx), body),
    'chat:delete': ({ id }, ctx) => {
      chat().service.delete(id, actorOf(ctx));
      return { id };
    },
    'chat:mute': ({ senderKey, minutes }, ctx) => chat().service.mute(senderKey, minutes, actorOf(ctx)),
    'chat:slow-mode': ({ seconds }) => {
      chat().settings.update({ slowModeSec: seconds });
      return settingsChanged();
    },
    'chat:settings': () => chat().settings.get(),
    'chat:configure': (patch) => {
      chat().settings.update(patch);
      return settingsChanged();
    },
    'chat:bridge-configure': async ({ enabled, channel, nick, token, server, port, tls }) => {
      const c = chat();
      await c.bridges.configureTwitch(
        enabled && channel && nick ? { channel, nick, token: token ?? null, server, port, tls } : null,
      );
      return c.bridges.statuses();
    },
    'chat:bridge-status': () => chat().bridges.statuses(),
    'chat:vanity': ({ id, path }, ctx) => chat().vanity.set(id, path, actorOf(ctx)),
  };
}
