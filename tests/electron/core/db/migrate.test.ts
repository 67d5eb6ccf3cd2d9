import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError, type Migration } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { tempDir } from '../../../support/temp-dir';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('migrate', () => {
  it('brings a new file to the latest version, in WAL mode, and is a no-op the second time', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'store.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openDatabase(file);
    expect(migrate(again, MIGRATIONS)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a database written by a newer DropDeck and leaves it untouched', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    future.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    future.close();

    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer DropDeck.*Update DropDeck/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 5);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'drops'").get()).toEqual({
      n: 0,
    });
    check.close();
  });

  it('rolls every pending migration back when one of them fails', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE b (x NOPE_TYPE) STRICT') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('insists that migrations are numbered without gaps', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => undefined }])).toThrow(
      /must have version 1/,
    );
    db.close();
  });
});
