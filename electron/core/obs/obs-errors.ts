import type { ErrorCode } from '../../../shared/result';
import { AppError } from '../domain-error';

/**
 * A failed OBS request, already translated to a DropDeck error code so routes can let it bubble up
 * (AppError → `{error: {code, message}}`) and the drop bridge can show `message` to the host.
 */
export class ObsError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    /** obs-websocket's RequestStatus code (e.g. 600 not found, 605 bad input kind), when OBS answered. */
    readonly obsCode: number | null = null,
  ) {
    super(code, message);
    this.name = 'ObsError';
  }
}

/** obs-websocket v5 RequestStatus codes DropDeck treats specially. */
export const OBS_STATUS = {
  ResourceNotFound: 600,
  ResourceAlreadyExists: 601,
  InvalidInputKind: 605,
} as const;

function codeForObsStatus(status: number): ErrorCode {
  if (status === OBS_STATUS.ResourceNotFound) return 'not_found';
  if (status === OBS_STATUS.ResourceAlreadyExists) return 'conflict';
  if (status === OBS_STATUS.InvalidInputKind) return 'unsupported';
  // 300-499: missing or malformed request fields; that is our request's fault, shown as bad input.
  if (status >= 300 && status < 500) return 'bad_request';
  // 500-599 is OBS refusing because of its own state (output running, studio mode off...).
  return 'conflict';
}

/**
 * Normalises whatever obs-websocket-js throws. Its `OBSWebSocketError` carries the RequestStatus
 * code; plain Errors ("Not connected", "Socket not identified") mean the socket is gone.
 */
export function toObsError(err: unknown, what: string): ObsError {
  if (err instanceof ObsError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'number' && code >= 100 && code < 1000) {
    return new ObsError(codeForObsStatus(code), `OBS refused ${what}: ${message || `status ${code}`}`, code);
  }
  return new ObsError('obs_unavailable', `OBS is not reachable (${what}): ${message || 'connection closed'}`);
}
