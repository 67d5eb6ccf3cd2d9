import type { CommandName, CommandOutput, ParsedInput } from '../../../shared/contract';
import type { Principal } from '../devices/principal';

/** What every handler knows about its caller, whichever door (HTTP, socket) the command came in by. */
export interface CommandContext {
  /** Null only for public commands called without a token. */
  principal: Principal | null;
  /** The caller's network address (for login throttling), as the transport saw it. */
  clientAddress: string;
}

export type Handler<N extends CommandName> = (
  input: ParsedInput<N>,
  ctx: CommandContext,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

/** One handler per command; the compiler refuses a map that misses one. */
export type Handlers = { [N in CommandName]: Handler<N> };
