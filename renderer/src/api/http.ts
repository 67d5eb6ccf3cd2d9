import {
  COMMANDS,
  pathParams,
  type CommandInput,
  type CommandName,
  outputSchema,
  type CommandOutput,
} from '../../../shared/contract';
import { ERROR_CODES, fail, ok, type AppErrorBody, type Result } from '../../../shared/result';

/**
 * The panel's client for the core's API, derived from the command contract: one `call(name, input)`
 * whose path, method and types come from shared/contract, and whose answer is checked against the
 * command's output schema — so nothing here is hand-copied, and nothing is cast. Resolves to a
 * Result; nothing throws on 4xx/5xx or a dropped connection.
 */
export interface ApiClient {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
}

function isErrorBody(value: unknown): value is { error: AppErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as AppErrorBody).message === 'string' &&
    (ERROR_CODES as readonly string[]).includes((error as AppErrorBody).code)
  );
}

/** Splits a command's input into its URL (path params filled in, query for GET) and its body. */
export function requestFor(name: CommandName, input: object): { url: string; body: string | undefined } {
  const spec = COMMANDS[name];
  const rest: Record<string, unknown> = { ...input };
  let path = spec.path;
  for (const param of pathParams(spec.path)) {
    path = path.replace(`:${param}`, encodeURIComponent(String(rest[param])));
    delete rest[param];
  }
  if (spec.method === 'GET') {
    const query = new URLSearchParams();
    // Query fields are numbers and short strings by contract (GET inputs are flat).
    for (const [k, v] of Object.entries(rest)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') query.set(k, String(v));
    }
    const qs = query.toString();
    return { url: qs ? `${path}?${qs}` : path, body: undefined };
  }
  return { url: path, body: JSON.stringify(rest) };
}

export function createApiClient(token: string | null, baseUrl = ''): ApiClient {
  return {
    async call(name, input) {
      const spec = COMMANDS[name];
      const { url, body } = requestFor(name, input);
      let response: Response;
      try {
        response = await fetch(baseUrl + url, {
          method: spec.method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body,
        });
      } catch {
        return fail(
          'timeout',
          'Cannot reach DropDeck. Is it still running, and is this device on the same network?',
        );
      }
      let payload: unknown = null;
      try {
        const text = await response.text();
        payload = text === '' ? null : JSON.parse(text);
      } catch {
        payload = null;
      }
      if (response.ok) {
        const parsed = outputSchema(name).safeParse(payload);
        if (parsed.success) return ok(parsed.data);
        return fail(
          'internal',
          `DropDeck answered ${name} in a shape this panel does not know; reload the page.`,
        );
      }
      if (isErrorBody(payload)) return { ok: false, error: payload.error };
      if (response.status === 401) return fail('unauthorized', 'This device is not signed in.');
      return fail('internal', `DropDeck answered ${response.status} ${response.statusText}`.trim());
    },
  };
}
