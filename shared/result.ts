/**
 * The one error/result envelope used on every boundary: HTTP bodies (`{error: {code, message}}`),
 * socket.io acks and IPC replies. Codes are stable strings a UI can switch on; messages are for people.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'gone',
  'conflict',
  'insufficient_stock',
  'invalid_transition',
  'unsupported',
  'obs_unavailable',
  'timeout',
  'payload_too_large',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** HTTP status for each error code, so routes and the error handler never disagree. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  gone: 410,
  conflict: 409,
  insufficient_stock: 409,
  invalid_transition: 409,
  unsupported: 422,
  obs_unavailable: 503,
  timeout: 504,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};
