import { fail, ok, type Result } from '../../../shared/result';
import { AppError } from '../domain-error';
import type { Logger } from '../log';

/**
 * Wraps a socket request handler: runs it and answers through the ack as a `Result` — exactly what
 * the HTTP layer answers, so a client switches on the same error codes. Thrown AppErrors become their
 * code; anything else is logged and `internal`. Validation belongs to `run` (the command runner).
 *
 * Typed `(payload: unknown, ack: unknown)` on purpose: whatever the typed contract says, a socket can
 * send anything, and this function is where that stops.
 */
export function ackHandler<T>(
  event: string,
  run: (payload: unknown) => T | Promise<T>,
  log: Logger,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    // Commands are only run when their outcome can be reported; a fire-and-forget emit is ignored.
    if (typeof ack !== 'function') return;
    const reply = ack as (result: Result<T>) => void;
    settle(event, () => run(payload), log)
      .then(reply)
      .catch((error: unknown) => log.error('hub ack failed', { event, error: String(error) }));
  };
}

async function settle<T>(event: string, run: () => T | Promise<T>, log: Logger): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    log.error('hub handler failed', { event, error: String(error instanceof Error ? error.stack : error) });
    return fail('internal', 'Something went wrong inside DropDeck; see the log.');
  }
}
