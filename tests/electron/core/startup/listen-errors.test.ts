import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../../electron/core/app';
import { portIsFree } from '../../../../electron/core/startup/listen-errors';
import { TEST_TOKEN } from '../../../support/core-harness';
import { tempDir } from '../../../support/temp-dir';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Holds a real listening socket on `port` (0: any free one) until the test ends. */
async function occupy(port: number): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen({ port, host: '127.0.0.1' }, ready);
  });
  cleanup.push(() => new Promise<void>((done) => server.close(() => done())));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('port in use', () => {
  it('names the port and suggests the next one that is really free', async () => {
    // The busy port and the one after it: the suggestion must come from probing, not from +1.
    let busy = 0;
    for (;;) {
      busy = await occupy(0);
      if (busy < 65000 && (await portIsFree(busy + 1, '127.0.0.1'))) break;
    }
    await occupy(busy + 1);
    const dir = tempDir();
    cleanup.push(() => dir.remove());

    const start = startCore({ dataDir: dir.path, port: busy, host: '127.0.0.1', hostToken: TEST_TOKEN });
    const error = (await start.then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; message: string } | null;
    expect(error?.code).toBe('port_in_use');
    const m =
      /^Port (\d+) is already in use \(another DropDeck or another program\)\. Close that program, or start with --port (\d+)\.$/.exec(
        error?.message ?? '',
      );
    expect(m, error?.message).not.toBeNull();
    expect(Number(m![1])).toBe(busy);
    const suggested = Number(m![2]);
    expect(suggested).toBeGreaterThan(busy + 1);
    expect(await portIsFree(suggested, '127.0.0.1')).toBe(true);

    // The suggestion works, and the failed start released the folder for it.
    const core = await startCore({
      dataDir: dir.path,
      port: suggested,
      host: '127.0.0.1',
      hostToken: TEST_TOKEN,
    });
    cleanup.push(() => core.close());
    expect(core.port).toBe(suggested);
  });
});
