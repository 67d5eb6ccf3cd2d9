import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../../electron/core/app';
import { NewerDatabaseError } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { openStore } from '../../../../electron/core/startup/open-store';
import { StartupError } from '../../../../electron/core/startup/startup-error';
import { TEST_TOKEN } from '../../../support/core-harness';
import { refusedStart } from '../../../support/refused-start';
import { tempDir } from '../../../support/temp-dir';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function dataDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A real DropDeck database with enough rows to span many pages, closed cleanly (no -wal left). */
function realDatabase(file: string): void {
  const db = openDatabase(file);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
  })();
  db.close();
}

/** Overwrites one page in the middle of the file, as a bad sector or a half-copied file would. */
function overwritePage(file: string): void {
  const pageSize = 4096;
  const pages = statSync(file).size / pageSize;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
  closeSync(fd);
}

const DAMAGED =
  /^DropDeck's database .*dropdeck\.sqlite is damaged and cannot be opened; it was left untouched\. Restore it from a backup, or move it out of the folder to start with an empty one, or start with another --data-dir\.$/;

describe('opening the store', () => {
  const cases: Array<[string, (file: string) => void]> = [
    ['a file of random bytes', (file) => writeFileSync(file, randomBytes(64 * 1024))],
    [
      'a real database with a page overwritten',
      (file) => {
        realDatabase(file);
        overwritePage(file);
      },
    ],
    [
      'a real database cut short',
      (file) => {
        realDatabase(file);
        truncateSync(file, Math.floor(statSync(file).size / 8192) * 4096);
      },
    ],
  ];

  for (const [name, damage] of cases) {
    it(`refuses ${name} in one sentence and leaves it byte-for-byte`, async () => {
      const dir = dataDir();
      const file = join(dir, 'dropdeck.sqlite');
      damage(file);
      const before = sha256(file);

      const start = startCore({ dataDir: dir, port: 0, host: '127.0.0.1', hostToken: TEST_TOKEN });
      await expect(start).rejects.toThrow(StartupError);
      await expect(start).rejects.toMatchObject({ code: 'database_corrupt' });
      await expect(start).rejects.toThrow(DAMAGED);
      expect(sha256(file)).toBe(before);

      // The CLI says the same, without a stack trace, and exits 1; the lock was released for it.
      const refused = await refusedStart(dir, TEST_TOKEN);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr.trimEnd()).toMatch(DAMAGED);
      expect(refused.stderr).toContain(file);
      expect(sha256(file)).toBe(before);
    });
  }

  it('refuses a database from a newer DropDeck before anything writes to it (not even WAL mode)', () => {
    const file = join(dataDir(), 'dropdeck.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    future.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    future.close();
    const before = sha256(file);

    expect(() => openStore(file)).toThrow(NewerDatabaseError);
    expect(() => openStore(file)).toThrow(
      `${file} was written by a newer DropDeck (schema version ${MIGRATIONS.length + 5}; this build knows up to ${MIGRATIONS.length}).`,
    );
    expect(sha256(file)).toBe(before);
  });

  it('opens a database that a killed DropDeck left with its -wal, keeping the last commits', () => {
    const file = join(dataDir(), 'dropdeck.sqlite');
    const db = openStore(file);
    db.exec('CREATE TABLE kept (x INTEGER) STRICT');
    db.prepare('INSERT INTO kept VALUES (42)').run();
    // Copy the three files as a SIGKILL would leave them: the commit is only in the -wal.
    const copy = join(dataDir(), 'dropdeck.sqlite');
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(copy + suffix, readFileSync(file + suffix));
    db.close();

    const reopened = openStore(copy);
    expect(reopened.prepare('SELECT x FROM kept').get()).toEqual({ x: 42 });
    reopened.close();
  });
});
