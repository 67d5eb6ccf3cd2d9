import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHandle } from '../../../electron/core/app';
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
      DROPDECK_HOST_TOKEN: 'from-the-env-0123456789',
      DROPDECK_PUBLIC_URL: 'https://drop.example.com/',
    });
    expect(core.config.hostToken).toBe('from-the-env-0123456789');
    expect(core.publicUrl).toBe('https://drop.example.com');
    const res = await fetch(`${core.url}/api/drops`, {
      headers: { authorization: 'Bearer from-the-env-0123456789' },
    });
    expect(res.status).toBe(200);
  });

  it('gives viewers the address it listens on when bound to a single address', async () => {
    const core = await start({});
    expect(core.publicUrl).toBe(core.url);
  });
});
