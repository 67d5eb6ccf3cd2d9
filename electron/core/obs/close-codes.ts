import type { ObsConnectionState } from '../../../shared/obs';

/** obs-websocket v5 WebSocketCloseCode values that change what DropDeck does next. */
export const OBS_CLOSE = {
  AuthenticationFailed: 4009,
  UnsupportedRpcVersion: 4010,
  SessionInvalidated: 4011,
} as const;

export interface CloseVerdict {
  state: Extract<ObsConnectionState, 'disconnected' | 'auth-failed' | 'kicked'>;
  message: string;
  /** False when retrying cannot help (wrong password, kicked by the user, OBS too old). */
  retry: boolean;
}

function errorCode(err: unknown): number | string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' || typeof code === 'string' ? code : null;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : '';
}

/**
 * What a failed connect, or a close after connecting, means for the host. obs-websocket-js reports
 * close codes as `err.code` and TCP failures as code -1 with the node message (ECONNREFUSED...).
 */
export function classifyClose(err: unknown, url: string, hadPassword: boolean): CloseVerdict {
  const code = errorCode(err);
  const message = errorMessage(err);
  if (code === OBS_CLOSE.AuthenticationFailed) {
    return {
      state: 'auth-failed',
      retry: false,
      message: hadPassword
        ? 'OBS rejected the password. Copy it from OBS → Tools → WebSocket Server Settings and connect again.'
        : 'OBS asks for a password. Copy it from OBS → Tools → WebSocket Server Settings and connect again.',
    };
  }
  if (code === OBS_CLOSE.SessionInvalidated) {
    return {
      state: 'kicked',
      retry: false,
      message:
        'OBS disconnected DropDeck (kicked in Tools → WebSocket Server Settings). Press Connect to reconnect.',
    };
  }
  if (code === OBS_CLOSE.UnsupportedRpcVersion) {
    return {
      state: 'disconnected',
      retry: false,
      message: 'This OBS speaks an older obs-websocket protocol. DropDeck needs OBS 28 or newer.',
    };
  }
  if (code === 'timeout') {
    return {
      state: 'disconnected',
      retry: true,
      message: `OBS at ${url} did not answer in time (frozen, or a wrong address?).`,
    };
  }
  if (/ECONNREFUSED/.test(message)) {
    return {
      state: 'disconnected',
      retry: true,
      message: `OBS is not running, or its WebSocket server is off (nothing answers at ${url}).`,
    };
  }
  if (/ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(message)) {
    return { state: 'disconnected', retry: true, message: `Cannot reach ${url}: ${message}` };
  }
  if (/subprotocol/i.test(message)) {
    return {
      state: 'disconnected',
      retry: true,
      message: `Something answers at ${url} but it is not obs-websocket 5 (OBS 28+). Check the port.`,
    };
  }
  return {
    state: 'disconnected',
    retry: true,
    message: message
      ? `Lost connection to OBS (${message}).`
      : 'Lost connection to OBS (it closed or crashed).',
  };
}
