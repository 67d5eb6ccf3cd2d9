import type { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/result';
import { AppError } from '../domain-error';
import type { Logger } from '../log';

/**
 * Wraps a socket request handler: validates the payload with its zod schema, runs the command and
 * answers through the ack as a `Result` — exactly what the HTTP layer answers, so a client switches on
 * the same error codes. Thrown AppErrors become their code; anything else is logged and `internal`.
 *
 * Typed `(payload: unknown, ack: unknown)` on purpose: whatever the typed contract says, a socket can
 * send anything, and this function is where that stops.
 */
export function ackHandler<S extends z.ZodType, T>(
  event: string,
  schema: S,
  run: (req: z.infer<S>) => T | Promise<T>,
  log: Logger,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    // Commands are only run when their outcome can be reported; a fire-and-forget emit is ignored.
    if (typeof ack !== 'function') return;
    const reply = ack as (result: Result<T>) => void;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply(fail('bad_request', describeIssues(parsed.error)));
      return;
    }
    settle(event, () => run(parsed.data), log)
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

/** "seconds: Too small: expected number to be >=1", one clause per issue, like the HTTP 400s. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}
