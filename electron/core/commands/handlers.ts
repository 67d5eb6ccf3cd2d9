import { chatHandlers } from './chat-handlers';
import type { Handlers } from './context';
import type { CommandDeps } from './deps';
import { deviceHandlers } from './device-handlers';
import { dropHandlers } from './drop-handlers';
import { ledgerHandlers } from './ledger-handlers';
import { insightHandlers } from './insights-handlers';
import { linkHandlers } from './link-handlers';
import { miscHandlers } from './misc-handlers';

/** Every command's handler. `satisfies` makes a command without a handler a compile error. */
export function createHandlers(deps: CommandDeps): Handlers {
  return {
    ...dropHandlers(deps),
    ...linkHandlers(deps),
    ...miscHandlers(deps),
    ...deviceHandlers(deps),
    ...ledgerHandlers(deps),
    ...chatHandlers(deps),
    ...insightHandlers(deps),
  } satisfies Handlers;
}
