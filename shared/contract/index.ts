import type { z } from 'zod';
import type { Result } from '../result';
import type { CommandSpec } from './command';
import { chatCommands } from './commands/chat';
import { deviceCommands } from './commands/devices';
import { dropCommands } from './commands/drops';
import { healthCommands } from './commands/health';
import { ledgerCommands } from './commands/ledger';
import { insightCommands } from './commands/insights';
import { linkCommands } from './commands/links';
import { obsCommands } from './commands/obs';
import { saleCommands } from './commands/sales';

/**
 * Every command of the core, by name. The one map HTTP routes, `/control` socket events, the
 * OpenAPI document and the panel's client are generated from (Actual Budget's handler-map idea).
 */
export const COMMANDS = {
  ...healthCommands,
  ...dropCommands,
  ...linkCommands,
  ...saleCommands,
  ...ledgerCommands,
  ...obsCommands,
  ...deviceCommands,
  ...chatCommands,
  ...insightCommands,
} satisfies Record<string, CommandSpec>;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
/** What a caller sends (before defaults and coercion). */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What a handler receives (parsed: defaults filled, strings read as numbers). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

/**
 * `/control` socket events, one per command, same name, same input, the output in a `Result` ack.
 * (The hub's own events — clock sync, patches — are in hub-events.ts.)
 */
export type CommandEvents = {
  [N in CommandName]: (input: CommandInput<N>, ack: (result: Result<CommandOutput<N>>) => void) => void;
};

export { allows, type Access, type Role } from './access';
export { pathParams, type CommandSpec } from './command';

/**
 * A command's output schema, typed by the command's name — for the two places that check answers
 * (the core before sending, the panel on receipt). TypeScript cannot correlate a generic key with its
 * own entry of a map (it widens `COMMANDS[name]` to the union of all entries), so this one line states
 * what the map's type already guarantees; every value still goes through the schema.
 */
export function outputSchema<N extends CommandName>(name: N): z.ZodType<CommandOutput<N>> {
  return COMMANDS[name].output as unknown as z.ZodType<CommandOutput<N>>;
}
