import { actorOf } from './actor';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';

type InsightHandlers = Pick<
  Handlers,
  | 'show:create'
  | 'show:list'
  | 'show:get'
  | 'show:update'
  | 'show:assign-drop'
  | 'show:unassign-drop'
  | 'show:set-cost'
  | 'show:set-splits'
  | 'attribution:get'
  | 'attribution:rebuild'
  | 'kpi:show'
  | 'kpi:live'
  | 'report:show'
  | 'split:statement'
  | 'stats:rebuild'
>;

export function insightHandlers({ insights: i }: CommandDeps): InsightHandlers {
  return {
    'show:create': (input, ctx) => i.shows.create(input, actorOf(ctx)),
    'show:list': () => i.shows.list(),
    'show:get': ({ id }) => i.shows.get(id),
    'show:update': (input, ctx) => i.shows.update(input, actorOf(ctx)),
    'show:assign-drop': ({ id, dropId }, ctx) => i.shows.assignDrop(id, dropId, actorOf(ctx)),
    'show:unassign-drop': ({ id, dropId }, ctx) => i.shows.unassignDrop(id, dropId, actorOf(ctx)),
    'show:set-cost': (input, ctx) => i.shows.setCost(input, actorOf(ctx)),
    'show:set-splits': (input, ctx) => i.shows.setSplits(input, actorOf(ctx)),
    'attribution:get': ({ show, model }) => {
      i.shows.get(show);
      return i.attribution.get(show, model);
    },
    'attribution:rebuild': ({ show }) => {
      i.shows.get(show);
      return i.attribution.rebuild(show);
    },
    'kpi:show': ({ id }) => i.kpis.show(id),
    'kpi:live': ({ id, minutes }) => i.kpis.live(id, minutes),
    'report:show': ({ id }) => i.reports.report(id),
    'split:statement': ({ id, creator }) => i.splits.statement(id, creator),
    'stats:rebuild': (target, ctx) => i.rollup.rebuild(target, actorOf(ctx)),
  };
}
