import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHandle } from '../../../../electron/core/app';
import { tempDir } from '../../../support/temp-dir';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const mode = (path: string): number => statSync(path).mode & 0o777;

async function start(dataDir: string): Promise<CoreHandle> {
  // No token given: the core generates host-token in the folder.
  const core = await startCore({ dataDir, port: 0, host: '127.0.0.1', env: { DROPDECK_QUIET: '1' } });
  cleanup.push(() => core.close());
  return core;
}

describe('private data folder', () => {
  it('creates the folder 0700 and the database, its -wal/-shm and host-token 0600', async () => {
    const root = tempDir();
    cleanup.push(() => root.remove());
    const dataDir = join(root.path, 'nested', 'DropDeck');
    const core = await start(dataDir);
    // A write, so the WAL is surely in use.
    core.services.settings.set('probe', '1');

    expect(mode(dataDir)).toBe(0o700);
    const db = join(dataDir, 'dropdeck.sqlite');
    for (const file of [db, `${db}-wal`, `${db}-shm`, join(dataDir, 'host-token')]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file), file).toBe(0o600);
    }
  });

  it('keeps working in an existing folder, narrowing files an older DropDeck left world-readable', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    chmodSync(dir.path, 0o755);
    const first = await start(dir.path);
    const token = first.config.hostToken;
    await first.close();
    const db = join(dir.path, 'dropdeck.sqlite');
    chmodSync(db, 0o644);
    chmodSync(join(dir.path, 'host-token'), 0o644);

    const second = await start(dir.path);
    expect(second.config.hostToken).toBe(token);
    // The user's own folder keeps the mode they gave it; our files are narrowed.
    expect(mode(dir.path)).toBe(0o755);
    expect(mode(db)).toBe(0o600);
    expect(mode(join(dir.path, 'host-token'))).toBe(0o600);
  });

  it('regenerates a host-token file shorter than 24 characters, 0600', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    mkdirSync(dir.path, { recursive: true });
    writeFileSync(join(dir.path, 'host-token'), 'only-twenty-characters\n', { mode: 0o644 });
    const core = await start(dir.path);
    expect(core.config.hostTokenGenerated).toBe(true);
    expect(core.config.hostToken.length).toBeGreaterThanOrEqual(24);
    expect(mode(join(dir.path, 'host-token'))).toBe(0o600);
  });
});
