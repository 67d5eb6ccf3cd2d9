import { notFound } from '../domain-error';
import { actorOf } from './actor';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';

type LedgerHandlers = Pick<
  Handlers,
  | 'sale:post'
  | 'sale:refund'
  | 'sale:import-preview'
  | 'sale:import'
  | 'hold:list'
  | 'drop:ledger-settings'
  | 'tier:map'
  | 'webhook:stats'
>;

export function ledgerHandlers(d: CommandDeps): LedgerHandlers {
  const { ledger } = d;
  return {
    'sale:post': (input, ctx) => ledger.manual.post(input, actorOf(ctx)),
    'sale:refund': (input, ctx) => ledger.manual.refund(input, actorOf(ctx)),
    'sale:import-preview': (input) => ledger.csv.preview(input),
    'sale:import': (input, ctx) => ledger.csv.apply(input, actorOf(ctx)),
    'hold:list': ({ id, limit }) => {
      if (!d.engine.get(id)) throw notFound(`Drop ${id}`);
      return ledger.holds.list(id, limit);
    },
    'drop:ledger-settings': (input, ctx) => ledger.manual.settings(input, actorOf(ctx)),
    'tier:map': (input, ctx) => ledger.manual.mapTier(input, actorOf(ctx)),
    'webhook:stats': () => ledger.webhooks.stats(),
  };
}
