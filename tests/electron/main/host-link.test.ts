import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import { HostLink } from '../../../electron/main/host-link';
import { sampleDrop, startTestCore, TEST_TOKEN, type TestCore } from '../../support/core-harness';

/** The desktop host's hub connection, against a real core (no Electron needed). */
describe('the host link behind the tray', () => {
  let t: TestCore;
  let link: HostLink;
  let seen: Drop[][] = [];
  beforeAll(async () => {
    t = await startTestCore();
    link = new HostLink(t.url, TEST_TOKEN, (drops) => seen.push(drops));
  });
  afterAll(async () => {
    link.close();
    await t.stop();
  });

  const until = async (ok: () => boolean): Promise<void> => {
    await expect.poll(ok, { timeout: 5000 }).toBe(true);
  };

  it('follows drops and runs drop controls as the host, with answers checked against the contract', async () => {
    await until(() => seen.length > 0);
    const created = (await (
      await t.api('/api/drops', { method: 'POST', json: sampleDrop() })
    ).json()) as Drop;
    await until(() => link.list().some((d) => d.id === created.id));

    seen = [];
    const started = await link.run('drop:start', { id: created.id });
    expect(started).toMatchObject({ ok: true, value: { id: created.id, state: 'live' } });
    await until(() => seen.some((drops) => drops.find((d) => d.id === created.id)?.state === 'live'));

    const refused = await link.run('drop:extend', { id: created.id, seconds: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const audit = (await (await t.api('/api/audit?action=drop:start')).json()) as Array<{ actor: string }>;
    expect(audit[0].actor).toBe('host');
  });
});
