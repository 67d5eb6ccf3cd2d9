import Database from 'better-sqlite3';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { NewerDatabaseError } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase } from '../db/open-database';
import { createPrivateFile, folderNotWritable, tightenMode } from './private-files';
import { NOT_WRITABLE_CODES, StartupError, errorCode } from './startup-error';

const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
const UNREADABLE_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH', 'SQLITE_IOERR']);

/**
 * Opens the store for the core. An existing file is checked on a READ-ONLY connection first (integrity
 * and schema version), so a damaged or newer file is refused before anything (WAL mode, migrations)
 * writes to it: the user's copy stays byte-for-byte what it was. A new file is created 0600 first,
 * because SQLite gives the -wal and -shm files the database file's mode.
 */
export function openStore(file: string): Database.Database {
  try {
    if (existsSync(file)) {
      accessSync(file, constants.R_OK);
      checkExisting(file);
      // SQLite would quietly open a write-protected file read-only and fail on the first sale.
      writable(file);
    } else {
      createNew(file);
    }
    const db = openDatabase(file);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) tightenMode(f);
    return db;
  } catch (error) {
    throw explainDatabaseError(file, error);
  }
}

function createNew(file: string): void {
  try {
    createPrivateFile(file);
  } catch (error) {
    if (NOT_WRITABLE_CODES.has(errorCode(error) ?? '')) throw folderNotWritable(dirname(file), error);
    throw error;
  }
}

function checkExisting(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // quick_check: the structural half of integrity_check (no index-content cross-check), fast enough
    // for every start. It throws SQLITE_NOTADB/SQLITE_CORRUPT, or returns rows other than 'ok'.
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    if (rows.length !== 1 || rows[0].quick_check !== 'ok') {
      throw corrupt(file, rows.map((r) => r.quick_check).join('; '));
    }
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > MIGRATIONS.length) throw new NewerDatabaseError(found, MIGRATIONS.length, file);
  } finally {
    db.close();
  }
}

function writable(file: string): void {
  try {
    accessSync(file, constants.W_OK);
  } catch (error) {
    if (errorCode(error) === 'EROFS') throw error; // the whole drive: reported as the folder
    throw notWritable(file, error);
  }
}

function notWritable(file: string, cause: unknown): StartupError {
  return new StartupError(
    'database_not_writable',
    `DropDeck can read its database ${file} but not write to it (read-only file). ` +
      'Make the file and its folder writable for this user, or start with another --data-dir.',
    { cause },
  );
}

function corrupt(file: string, cause: unknown): StartupError {
  return new StartupError(
    'database_corrupt',
    `DropDeck's database ${file} is damaged and cannot be opened; it was left untouched. ` +
      'Restore it from a backup, or move it out of the folder to start with an empty one, or start with another --data-dir.',
    { cause },
  );
}

/** Turns SQLite's and the file system's codes into the sentence for this file; others pass through. */
export function explainDatabaseError(file: string, error: unknown): unknown {
  if (error instanceof StartupError) return error;
  const code = errorCode(error) ?? '';
  // Extended codes (SQLITE_IOERR_READ, SQLITE_CORRUPT_INDEX…) share their primary code's meaning.
  const family = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  if (CORRUPT_CODES.has(family)) return corrupt(file, error);
  if (family === 'SQLITE_READONLY') return notWritable(file, error);
  // Our own accessSync: R_OK failed before anything else ran (W_OK has its own sentence above).
  if (code === 'EACCES' || code === 'EPERM') return unreadable(file, 'permission denied', error);
  if (code === 'EROFS') return folderNotWritable(dirname(file), error);
  if (UNREADABLE_CODES.has(family)) return unreadable(file, code, error);
  return error;
}

function unreadable(file: string, why: string, cause: unknown): StartupError {
  return new StartupError(
    'database_unreadable',
    `DropDeck cannot read its database ${file} (${why}). ` +
      'Check that this user may read and write the file and its folder, or start with another --data-dir.',
    { cause },
  );
}
