import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreSupervisor, type CoreReady } from '../../../electron/main/core-process';
import { nodeCoreFork } from '../../../electron/main/node-core-fork';
import { tempDir } from '../../support/temp-dir';
import { assertBuilt, ROOT } from './built-output';

describe('dev host: the built core forked with the launcher’s Node (npm start with Electron)', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('becomes ready over the IPC channel, serves the API, and shuts down on the host’s message', async () => {
    assertBuilt();
    let crashed = false;
    let stop: () => Promise<void> = () => Promise.resolve();
    const ready = await new Promise<CoreReady>((resolve) => {
      const supervisor = new CoreSupervisor({
        fork: nodeCoreFork(process.execPath),
        entry: join(ROOT, 'out/main/core.js'),
        coreOptions: { dataDir: dir.path, port: 0, rendererDir: join(ROOT, 'out/renderer') },
        onReady: (r) => resolve(r),
        onCrash: () => (crashed = true),
      });
      supervisor.start();
      stop = () => supervisor.stop();
    });
    expect(ready.hostToken.length).toBeGreaterThanOrEqual(16);
    const drops = await fetch(`${ready.url}/api/drops`, {
      headers: { authorization: `Bearer ${ready.hostToken}` },
    });
    expect(drops.status).toBe(200);
    await stop();
    await expect(fetch(`${ready.url}/api/health`)).rejects.toThrow();
    expect(crashed).toBe(false);
  });
});
