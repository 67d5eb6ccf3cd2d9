import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

/**
 * Opens (or creates) the store. WAL lets readers (stats, overlays) run beside the writer;
 * synchronous=NORMAL in WAL mode survives a killed process (every commit is in the OS before we
 * answer), and only a power cut can roll back the last commits — never corrupt the file.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Only the checkpointer shares the file, and its passive checkpoints never hold it long; a second
    // DropDeck is kept out by the data-folder lock, so a long wait would only delay a clear error.
    db.pragma('busy_timeout = 1000');
    // Checkpoints normally run on the checkpointer's thread; this is only the safety net (~80 MB).
    db.pragma('wal_autocheckpoint = 20000');
    db.pragma('journal_size_limit = 67108864');
    migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
