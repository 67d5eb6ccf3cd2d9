import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHandle } from '../../../electron/core/app';
import { StartupError } from '../../../electron/core/startup/startup-error';
import { tempDir } from '../../support/temp-dir';

const dirs: Array<{ remove(): void }> = [];
const cores: CoreHandle[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  dirs.splice(0).forEach((d) => d.remove());
});

async function start(env: NodeJS.ProcessEnv, host = '127.0.0.1', dataDir?: string): Promise<CoreHandle> {
  const dir = dataDir ? null : tempDir();
  if (dir) dirs.push(dir);
  const core = await startCore({
    dataDir: dataDir ?? dir!.path,
    port: 0,
    host,
    env: { DROPDECK_QUIET: '1', ...env },
  });
  cores.push(core);
  return core;
}

describe('configuration', () => {
  it('generates a host token when none is given, keeps it in the data dir and reuses it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = await start({}, '127.0.0.1', dir.path);
    expect(first.config.hostTokenGenerated).toBe(true);
    expect(readFileSync(join(dir.path, 'host-token'), 'utf8').trim()).toBe(first.config.hostToken);
    await first.close();
    const second = await start({}, '127.0.0.1', dir.path);
    expect(second.config.hostTokenGenerated).toBe(false);
    expect(second.config.hostToken).toBe(first.config.hostToken);
  });

  it('takes the host token and the viewers’ URL from the environment', async () => {
    const core = await start({
      DROPDECK_HOST_TOKEN: 'from-the-env-0123456789abcdef',
      DROPDECK_PUBLIC_URL: 'https://drop.example.com/',
    });
    expect(core.config.hostToken).toBe('from-the-env-0123456789abcdef');
    expect(core.publicUrl).toBe('https://drop.example.com');
    const res = await fetch(`${core.url}/api/drops`, {
      headers: { authorization: 'Bearer from-the-env-0123456789abcdef' },
    });
    expect(res.status).toBe(200);
  });

  it('gives viewers the address it listens on when bound to a single address', async () => {
    const core = await start({});
    expect(core.publicUrl).toBe(core.url);
  });

  it('refuses a host token shorter than 24 characters, from the environment or the caller', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const env = start({ DROPDECK_HOST_TOKEN: 'only-23-characters-long' }, '127.0.0.1', dir.path);
    await expect(env).rejects.toThrow(StartupError);
    await expect(env).rejects.toThrow(
      `DROPDECK_HOST_TOKEN is too short (23 characters; at least 24 are needed). Use a longer random value, or leave it unset and DropDeck keeps a strong one in ${join(dir.path, 'host-token')}.`,
    );
    const override = startCore({ dataDir: dir.path, port: 0, hostToken: 'short', env: {} });
    await expect(override).rejects.toMatchObject({ code: 'weak_host_token' });
    await expect(override).rejects.toThrow(/^The host token given to DropDeck is too short \(5 characters/);
    // Nothing started: the folder is free for a core with a proper token.
    const core = await start({ DROPDECK_HOST_TOKEN: 'long-enough-token-0123456789' }, '127.0.0.1', dir.path);
    expect(core.config.hostToken).toBe('long-enough-token-0123456789');
  });
});
