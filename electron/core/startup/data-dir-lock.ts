import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { NOT_WRITABLE_CODES, StartupError, errorCode } from './startup-error';
import { PRIVATE_FILE_MODE, folderNotWritable } from './private-files';

export const LOCK_FILE = 'dropdeck.lock';

/** A lock file whose writer died between creating it and writing its pid is stale after this long. */
const EMPTY_LOCK_GRACE_MS = 5000;
const MAX_ATTEMPTS = 5;

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/** Locks this process holds, by file identity, so a second `startCore` in the same process refuses. */
const heldHere = new Set<string>();
const identity = (s: { dev: number; ino: number }): string => `${s.dev}:${s.ino}`;

/**
 * Takes the data folder for this process: two DropDecks on one SQLite file would each think they own
 * the drops and the ledger. The lock file is created with O_EXCL, so of two starters only one wins;
 * a lock whose process is gone (killed, crashed, power cut) is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  try {
    return acquire(dataDir);
  } catch (error) {
    // Creating, reading or taking over the lock is the first write to the folder.
    if (NOT_WRITABLE_CODES.has(errorCode(error) ?? '')) throw folderNotWritable(dataDir, error);
    throw error;
  }
}

function acquire(dataDir: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const mine = tryCreate(file);
    if (mine) return mine;
    const holder = readHolder(file);
    if (holder === 'gone') continue; // released between our create and our read: try again
    if (holder.pid !== null && holder.alive) throw alreadyRunning(dataDir, holder.pid);
    if (holder.pid === null && !holder.old) throw alreadyRunning(dataDir, null);
    takeOverStale(file, holder.id);
  }
  // Only reachable if other starters keep winning the race; one of them is running now.
  throw alreadyRunning(dataDir, null);
}

function tryCreate(file: string): DataDirLock | null {
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return null;
    throw error;
  }
  let id: string;
  try {
    writeSync(fd, `${process.pid}\n`);
    id = identity(fstatSync(fd));
  } finally {
    closeSync(fd);
  }
  heldHere.add(id);
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      heldHere.delete(id);
      // Only our own file: after a takeover race the path could name someone else's lock.
      try {
        if (identity(statSync(file)) === id) unlinkSync(file);
      } catch {
        // Already gone (the folder was deleted under us): nothing to release.
      }
    },
  };
}

type Holder = 'gone' | { id: string; pid: number | null; alive: boolean; old: boolean };

function readHolder(file: string): Holder {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    const id = identity(stat);
    const pid = Number.parseInt(readFileSync(fd, 'utf8').trim(), 10);
    const old = Date.now() - stat.mtimeMs > EMPTY_LOCK_GRACE_MS;
    if (!Number.isInteger(pid) || pid <= 0) return { id, pid: null, alive: false, old };
    // Our own pid on a lock we do not hold: left by an earlier process that had the same pid
    // (containers restart DropDeck as the same pid), so it is stale.
    const alive = pid === process.pid ? heldHere.has(id) : processAlive(pid);
    return { id, pid, alive, old };
  } finally {
    closeSync(fd);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user, so it still holds the folder.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes the stale lock we judged, and only that one. Another starter may have replaced it in the
 * meantime, so it is first renamed aside (atomic); if the file we moved is not the one we judged
 * (different inode), it is a live lock and is linked back untouched.
 */
function takeOverStale(file: string, staleId: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // another starter removed it first
    throw error;
  }
  if (identity(statSync(aside)) !== staleId) {
    try {
      linkSync(aside, file);
    } catch {
      // A third starter created a lock in that instant; theirs stands and ours is dropped.
    }
  }
  unlinkSync(aside);
}

function alreadyRunning(dataDir: string, pid: number | null): StartupError {
  const who = pid === null ? 'another process is starting on it' : `process ${pid}`;
  return new StartupError(
    'already_running',
    `DropDeck is already running on ${dataDir} (${who}). Close it, or start with another --data-dir.`,
  );
}
