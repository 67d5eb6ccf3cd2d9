import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../../electron/core/app';
import { acquireDataDirLock, LOCK_FILE } from '../../../../electron/core/startup/data-dir-lock';
import { StartupError } from '../../../../electron/core/startup/startup-error';
import { startTestCore, TEST_TOKEN, type TestCore } from '../../../support/core-harness';
import { startCoreProcess, type CoreProcess } from '../../../support/core-process';
import { refusedStart } from '../../../support/refused-start';
import { tempDir } from '../../../support/temp-dir';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function folder(): string {
  const dir = tempDir();
  cleanup.push(() => dir.remove());
  return dir.path;
}

async function core(dataDir: string): Promise<TestCore> {
  const t = await startTestCore({ keepDataDir: dataDir });
  cleanup.push(() => t.stop());
  return t;
}

async function coreProcess(dataDir: string): Promise<CoreProcess> {
  const p = await startCoreProcess(dataDir, TEST_TOKEN);
  cleanup.push(() => (p.child.exitCode === null ? p.kill('SIGTERM') : undefined));
  return p;
}

/** A pid that surely belongs to no process now: a child that has already exited and been reaped. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('data folder lock', () => {
  it('refuses a second core in the same process, naming this process, until the first is closed', async () => {
    const dir = folder();
    const first = await core(dir);
    const second = startCore({ dataDir: dir, port: 0, host: '127.0.0.1', hostToken: TEST_TOKEN });
    await expect(second).rejects.toThrow(StartupError);
    await expect(second).rejects.toThrow(
      `DropDeck is already running on ${dir} (process ${process.pid}). Close it, or start with another --data-dir.`,
    );
    // The refusal did not disturb the running core.
    expect((await first.api('/api/drops')).status).toBe(200);

    await first.core.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const third = await core(dir);
    expect((await third.api('/api/drops')).status).toBe(200);
  });

  it('refuses a second DropDeck process with one sentence and exit code 1', async () => {
    const dir = folder();
    const first = await coreProcess(dir);
    const refused = await refusedStart(dir, TEST_TOKEN);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      `DropDeck is already running on ${dir} (process ${first.child.pid}). Close it, or start with another --data-dir.\n`,
    );
    // And an in-process core on the same folder names the other process too.
    await expect(core(dir)).rejects.toThrow(`(process ${first.child.pid})`);
  });

  it('takes over the lock of a DropDeck that was killed with SIGKILL', async () => {
    const dir = folder();
    const killed = await coreProcess(dir);
    const pid = killed.child.pid;
    await killed.kill('SIGKILL');
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(pid));

    const next = await core(dir);
    expect((await next.api('/api/drops')).status).toBe(200);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    // The second process is refused again: the takeover left a real lock behind.
    expect((await refusedStart(dir, TEST_TOKEN)).stderr).toContain(`(process ${process.pid})`);
  });

  it('takes over a lock naming a dead pid, or this pid from an earlier process, but not a fresh empty one', () => {
    const dir = folder();
    const file = join(dir, LOCK_FILE);

    writeFileSync(file, `${deadPid()}\n`);
    const afterDead = acquireDataDirLock(dir);
    expect(readFileSync(file, 'utf8')).toBe(`${process.pid}\n`);
    afterDead.release();

    // A container restarts DropDeck with the same pid: a lock with our pid that we do not hold is stale.
    writeFileSync(file, `${process.pid}\n`);
    acquireDataDirLock(dir).release();
    expect(existsSync(file)).toBe(false);

    // Empty: another starter has just created it and not yet written its pid.
    writeFileSync(file, '');
    expect(() => acquireDataDirLock(dir)).toThrow(/already running on .*another process is starting/);
    // ...but one left empty for long by a starter that died there is stale.
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(file, longAgo, longAgo);
    acquireDataDirLock(dir).release();
  });

  it('releases only its own lock file, once', () => {
    const dir = folder();
    const lock = acquireDataDirLock(dir);
    lock.release();
    const other = acquireDataDirLock(dir);
    lock.release(); // a late second release must not remove the new holder's lock
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(`(process ${process.pid})`);
    other.release();
  });
});
