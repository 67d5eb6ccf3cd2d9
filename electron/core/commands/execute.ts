import {
  allows,
  COMMANDS,
  outputSchema,
  type CommandName,
  type CommandOutput,
} from '../../../shared/contract';
import { AppError } from '../domain-error';
import type { Logger } from '../log';
import type { CommandContext, Handlers } from './context';
import { describeIssues } from './describe-issues';

export type CommandRunner = <N extends CommandName>(
  name: N,
  raw: unknown,
  ctx: CommandContext,
) => Promise<CommandOutput<N>>;

/**
 * The one way a command runs, for every transport: role check, input parsed with the contract's
 * schema, the handler, and its output checked against the contract before it leaves the core (which
 * also strips any field the contract does not name). Refusals are AppErrors; each transport maps them.
 */
export function createCommandRunner(handlers: Handlers, log: Logger): CommandRunner {
  return async (name, raw, ctx) => {
    const spec = COMMANDS[name];
    if (!allows(spec.access, ctx.principal?.role ?? null)) {
      throw ctx.principal
        ? new AppError('forbidden', `Only the host can do this (${name}); this device is a co-host.`)
        : new AppError('unauthorized', 'Sign in first: send "Authorization: Bearer <token>".');
    }
    const parsed = spec.input.safeParse(raw ?? {});
    if (!parsed.success) throw new AppError('bad_request', describeIssues(parsed.error));
    const handler = handlers[name] as (input: unknown, ctx: CommandContext) => unknown;
    const value = await handler(parsed.data, ctx);
    const checked = outputSchema(name).safeParse(value);
    if (!checked.success) {
      log.error('a command answered outside its contract', { name, issues: describeIssues(checked.error) });
      throw new AppError('internal', 'Something went wrong inside DropDeck; see the log.');
    }
    return checked.data;
  };
}
