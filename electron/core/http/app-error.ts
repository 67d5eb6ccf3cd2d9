import { HTTP_STATUS, type AppErrorBody, type ErrorCode } from '../../../shared/result';

/** A refusal with a code a client can act on; thrown by services, mapped to 4xx by the HTTP layer. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message };
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
