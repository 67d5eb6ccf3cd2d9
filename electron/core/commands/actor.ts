import { AppError } from '../domain-error';
import type { Principal } from '../devices/principal';
import type { CommandContext } from './context';

/** The caller of a command that needs a token (the runner has checked the role already). */
export function actorOf(ctx: CommandContext): Principal {
  if (!ctx.principal) throw new AppError('unauthorized', 'Sign in first.');
  return ctx.principal;
}
