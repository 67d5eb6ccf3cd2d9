import { buildCalendar, calendarWindow } from '../drops/drop-calendar';
import { notFound } from '../domain-error';
import { actorOf } from './actor';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';

type DropHandlers = Pick<
  Handlers,
  | 'drop:create'
  | 'drop:list'
  | 'drop:get'
  | 'drop:update'
  | 'drop:start'
  | 'drop:extend'
  | 'drop:end'
  | 'drop:restock'
  | 'drop:schedule'
  | 'drop:unschedule'
  | 'calendar:get'
>;

/** Reads go through the engine, so a drop past its deadline reads as ended even before its timer fires. */
export function dropHandlers(d: CommandDeps): DropHandlers {
  return {
    'drop:create': (input, ctx) => d.editor.create(input, actorOf(ctx)),
    'drop:list': () => d.engine.list(),
    'drop:get': ({ id }) => {
      const drop = d.engine.get(id);
      if (!drop) throw notFound(`Drop ${id}`);
      return drop;
    },
    'drop:update': ({ id, ...patch }, ctx) => d.editor.update(id, patch, actorOf(ctx)),
    'drop:start': ({ id }, ctx) => d.engine.start(id, actorOf(ctx)),
    'drop:extend': ({ id, seconds }, ctx) => d.engine.extend(id, seconds, actorOf(ctx)),
    'drop:end': ({ id }, ctx) => d.engine.end(id, actorOf(ctx)),
    'drop:restock': ({ id, units, tierId }, ctx) => d.engine.restock(id, units, actorOf(ctx), tierId),
    'drop:schedule': ({ id, at }, ctx) => d.engine.schedule(id, at, actorOf(ctx)),
    'drop:unschedule': ({ id }, ctx) => d.engine.unschedule(id, actorOf(ctx)),
    'calendar:get': (query) => {
      const window = calendarWindow(query, d.clock.now());
      return buildCalendar(d.engine.upcoming(window.from, window.to), window);
    },
  };
}
