/**
 * Domain errors live with the domain, not the transport: services throw them, and each boundary (HTTP
 * statuses, socket acks, IPC) maps the stable code to its own form.
 */
import type { AppErrorBody, ErrorCode } from '../../shared/result';

/** A refusal with a code a client can act on; thrown by services; the HTTP layer maps codes to statuses. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message };
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

/** Too many failed logins from one address; `retryAfterSec` becomes the HTTP `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSec: number) {
    super(
      'rate_limited',
      `Too many failed attempts from this device. Try again in ${retryAfterSec} second${retryAfterSec === 1 ? '' : 's'}.`,
    );
    this.name = 'RateLimitedError';
  }
}
