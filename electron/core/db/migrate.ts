import type Database from 'better-sqlite3';
import { StartupError } from '../startup/startup-error';

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; numbered from 1 without gaps. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** A start-up refusal like the others, so the CLI and the Electron host print just its sentence. */
export class NewerDatabaseError extends StartupError {
  constructor(
    readonly found: number,
    readonly supported: number,
    file = 'This database',
  ) {
    super(
      'database_newer',
      `${file} was written by a newer DropDeck (schema version ${found}; this build knows up to ${supported}). ` +
        'Update DropDeck, or start it with another --data-dir. The file was left untouched.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * Applies every pending migration in ONE transaction, so a failure leaves the file exactly as it was
 * (Signal Desktop's approach). `user_version` is set inside the same transaction.
 *
 * Foreign keys are off while migrations run (SQLite's own procedure for rebuilding a table: the
 * pragma cannot change inside a transaction), and `foreign_key_check` must come back empty before
 * the transaction commits — a migration that breaks a reference rolls back whole.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} must have version ${i + 1}`);
  });
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new NewerDatabaseError(current, latest, db.name);
  if (current === latest) return current;

  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of migrations.slice(current)) m.up(db);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(`migrations would leave ${broken.length} broken references; nothing was changed`);
      }
      db.pragma(`user_version = ${latest}`);
    }).immediate();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return latest;
}
