/**
 * Why DropDeck could not start, as one plain sentence a streamer can act on (names the file, folder or
 * port, and says what to do). `serve.ts` prints only the sentence; the Electron host shows it.
 */
export type StartupErrorCode =
  | 'already_running'
  | 'folder_not_writable'
  | 'database_corrupt'
  | 'database_unreadable'
  | 'database_not_writable'
  | 'database_newer'
  | 'port_in_use'
  | 'port_not_allowed'
  | 'address_unavailable'
  | 'bad_port'
  | 'weak_host_token';

export class StartupError extends Error {
  constructor(
    readonly code: StartupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** The errno-style code of a Node fs/net error or a better-sqlite3 SqliteError, if it has one. */
export function errorCode(error: unknown): string | null {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}

/** Errors that mean "this process may not write here": read-only mount, permissions. */
export const NOT_WRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
