import { notFound } from '../domain-error';
import { liveLink } from '../overlays/live-link';
import { actorOf } from './actor';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';

type LinkHandlers = Pick<
  Handlers,
  | 'link:create'
  | 'link:list'
  | 'link:current'
  | 'link:revoke'
  | 'orphan:list'
  | 'stats:drop'
  | 'touchpoint:list'
  | 'touchpoint:create'
  | 'touchpoint:update'
>;

export function linkHandlers(d: CommandDeps): LinkHandlers {
  const existingDrop = (id: number) => {
    const drop = d.engine.get(id);
    if (!drop) throw notFound(`Drop ${id}`);
    return drop;
  };
  return {
    'link:create': ({ id, touchpoint, ttlSec }, ctx) => d.links.create(id, touchpoint, ttlSec, actorOf(ctx)),
    'link:list': ({ id }) => {
      existingDrop(id);
      return d.links.list(id);
    },
    // The host's panel may show a draft's QR (to test it); public pages get only announced drops.
    'link:current': ({ id, touchpoint }, ctx) =>
      liveLink(d.liveLinks, existingDrop(id), touchpoint, actorOf(ctx)),
    'link:revoke': ({ code }, ctx) => d.links.revoke(code, actorOf(ctx)),
    'orphan:list': ({ limit }) => d.orphans.list(limit),
    'stats:drop': ({ id, from, to }) => {
      existingDrop(id);
      return { dropId: id, rows: d.stats.rows(id, from, to) };
    },
    'touchpoint:list': () => d.touchpoints.list(),
    'touchpoint:create': (input, ctx) => d.touchpoints.create(input, actorOf(ctx)),
    'touchpoint:update': ({ key, ...patch }, ctx) => d.touchpoints.update(key, patch, actorOf(ctx)),
  };
}
