import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { NOT_WRITABLE_CODES, StartupError, errorCode } from './startup-error';

/**
 * The data folder holds the sales ledger and the host token: only this user may read it. Modes are a
 * no-op on Windows, where the per-user profile folder already protects it.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function folderNotWritable(dir: string, cause: unknown): StartupError {
  return new StartupError(
    'folder_not_writable',
    `DropDeck cannot write to its data folder ${dir} (${describeCode(cause)}). ` +
      'Make the folder writable for this user, or start with another --data-dir.',
    { cause },
  );
}

function describeCode(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EROFS') return 'it is on a read-only drive';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? String(error);
}

/** Creates the data folder 0700 (and any missing parents); an existing folder is used as it is. */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (error) {
    if (NOT_WRITABLE_CODES.has(errorCode(error) ?? '')) throw folderNotWritable(dir, error);
    throw error;
  }
}

/** Creates an empty file 0600 unless it exists, so whatever writes into it later inherits the mode. */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
}

/**
 * Narrows a file an older DropDeck created with the default mode. Best effort: the file may belong to
 * another user or sit on a drive without Unix modes, and that must not stop the start.
 */
export function tightenMode(file: string): void {
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // Missing file (no -wal yet) or not ours to change: nothing to narrow.
  }
}
