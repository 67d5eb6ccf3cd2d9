import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../../../support/core-harness';
import { startCoreProcess } from '../../../support/core-process';
import { tempDir } from '../../../support/temp-dir';

/**
 * The suite runs as root, for whom chmod stops nothing. So the folder is made read-only for real:
 * a read-only bind mount inside a private mount namespace (`unshare --mount`, so nothing leaks to the
 * host), giving EROFS; or the core runs as `nobody` (`setpriv`) on root-owned files, giving EACCES.
 */
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const canUnshare = isRoot && spawnSync('unshare', ['--mount', 'true']).status === 0;
const canSetpriv =
  isRoot &&
  spawnSync('setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', 'true'])
    .status === 0;

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A data folder a DropDeck has already used (database, token), as a streamer's would be. */
async function usedFolder(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const core = await startCoreProcess(dir.path, TEST_TOKEN);
  await core.kill('SIGTERM');
  return dir.path;
}

/** Runs serve.ts behind `wrapper` (a command line that ends by exec'ing its arguments). */
function serveVia(
  wrapper: string[],
  dataDir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string }> {
  const serve = [
    process.execPath,
    '--import',
    'tsx',
    'electron/core/serve.ts',
    '--data-dir',
    dataDir,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
  ];
  const child = spawn(wrapper[0], [...wrapper.slice(1), ...serve], {
    cwd: ROOT,
    env: { ...process.env, DROPDECK_QUIET: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stderr })));
}

const asNobody = ['setpriv', '--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', '--'];

describe('read-only data folder', () => {
  it.skipIf(!canUnshare)(
    'on a read-only drive (EROFS): one sentence, exit 1, database untouched',
    async () => {
      const dir = await usedFolder();
      const db = join(dir, 'dropdeck.sqlite');
      const before = sha256(db);
      // sh: bind the folder onto itself, remount that bind read-only, then exec serve.ts in there.
      const mountRo = [
        'unshare',
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"',
        dir,
      ];
      for (const env of [{ DROPDECK_HOST_TOKEN: TEST_TOKEN }, {}]) {
        const result = await serveVia(mountRo, dir, env);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe(
          `DropDeck cannot write to its data folder ${dir} (it is on a read-only drive). Make the folder writable for this user, or start with another --data-dir.\n`,
        );
      }
      expect(sha256(db)).toBe(before);
    },
  );

  describe.skipIf(!canSetpriv)('as a user without rights (EACCES)', () => {
    it('refuses a folder it may not write to, with or without a token given', async () => {
      const dir = await usedFolder();
      // Traversable by nobody (mkdtemp makes it 0700), still owned and writable by root only.
      chmodSync(dir, 0o755);
      for (const env of [{ DROPDECK_HOST_TOKEN: TEST_TOKEN }, {}]) {
        const result = await serveVia(asNobody, dir, env);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe(
          `DropDeck cannot write to its data folder ${dir} (permission denied). Make the folder writable for this user, or start with another --data-dir.\n`,
        );
      }
    });

    it('refuses a database it may read but not write, and one it may not read', async () => {
      const dir = await usedFolder();
      const db = join(dir, 'dropdeck.sqlite');
      // The folder (and lock) are nobody's; the database file stays root's.
      chmodSync(dir, 0o755);
      chownSync(dir, NOBODY, NOBODY);
      chmodSync(db, 0o644);
      const before = sha256(db);

      const readOnly = await serveVia(asNobody, dir, { DROPDECK_HOST_TOKEN: TEST_TOKEN });
      expect(readOnly.code).toBe(1);
      expect(readOnly.stderr).toBe(
        `DropDeck can read its database ${db} but not write to it (read-only file). Make the file and its folder writable for this user, or start with another --data-dir.\n`,
      );

      chmodSync(db, 0o600);
      const unreadable = await serveVia(asNobody, dir, { DROPDECK_HOST_TOKEN: TEST_TOKEN });
      expect(unreadable.code).toBe(1);
      expect(unreadable.stderr).toBe(
        `DropDeck cannot read its database ${db} (permission denied). Check that this user may read and write the file and its folder, or start with another --data-dir.\n`,
      );
      expect(sha256(db)).toBe(before);
    });
  });
});
