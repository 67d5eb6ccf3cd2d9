import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObsStatus } from '../../../../shared/obs';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { obsStatus } from '../../../support/obs-wait';
import { RealObs } from '../../../support/real-obs';

const PASSWORD = 'correct horse battery';

async function connect(core: TestCore, body: Record<string, unknown>): Promise<ObsStatus> {
  const res = await core.api('/api/obs/connect', { method: 'POST', json: body });
  expect(res.status).toBe(200);
  return (await res.json()) as ObsStatus;
}

/** Real OBS with obs-websocket authentication on. */
describe('OBS authentication (real OBS with a password)', () => {
  let obs: RealObs;
  let core: TestCore;

  beforeAll(async () => {
    [obs, core] = await Promise.all([RealObs.start({ password: PASSWORD }), startTestCore()]);
  });

  afterAll(async () => {
    await core?.stop();
    await obs?.stop();
  });

  it('a wrong password gives auth-failed and DropDeck does not knock again', async () => {
    const before = obs.connectionsSeen();
    const status = await connect(core, { url: obs.url, password: 'hunter2' });
    expect(status).toMatchObject({ state: 'auth-failed', nextRetryAt: null });
    expect(status.message).toMatch(/rejected the password/);

    // Longer than the largest retry delay: a reconnect loop would have tried again by now.
    await new Promise((r) => setTimeout(r, 3500));
    const later = await obsStatus(core);
    expect(later).toMatchObject({ state: 'auth-failed', since: status.since, nextRetryAt: null });
    expect(obs.connectionsSeen() - before).toBe(1);
  });

  it('no password at all says OBS asks for one', async () => {
    const status = await connect(core, { url: obs.url, password: '' });
    expect(status.state).toBe('auth-failed');
    expect(status.message).toMatch(/asks for a password/);
  });

  it('the right password connects, and the password never comes back out of the API', async () => {
    const status = await connect(core, { url: obs.url, password: PASSWORD });
    expect(status.state).toBe('connected');
    expect(JSON.stringify(await obsStatus(core))).not.toContain(PASSWORD);
    const scenes = await core.api('/api/obs/scenes');
    expect(scenes.status).toBe(200);
  });

  it('reconnect-now without a body reuses the stored password', async () => {
    expect((await connect(core, {})).state).toBe('connected');
  });
});
