import type { ErrorCode } from '../../../shared/result';

/**
 * A handshake refusal: socket.io hands `message` and `data` to the client's `connect_error`, so the
 * client sees the same `{code, message}` pair the HTTP API and acks use.
 */
export function connectError(
  code: ErrorCode,
  message: string,
): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(message), { data: { code, message } });
}
