import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObsSceneList, ObsStatus } from '../../../../shared/obs';
import type { StreamHealth } from '../../../../shared/hub-events';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { obsStatus, waitForObsState, waitUntil } from '../../../support/obs-wait';
import { RealObs, TEST_SCENES } from '../../../support/real-obs';
import { tempDir } from '../../../support/temp-dir';

/** Real OBS without authentication; the core talks to it as the host's laptop would. */
describe('OBS connection (real OBS, no password)', () => {
  let obs: RealObs;
  let core: TestCore;

  beforeAll(async () => {
    [obs, core] = await Promise.all([RealObs.start(), startTestCore()]);
  });

  afterAll(async () => {
    await core?.stop();
    await obs?.stop();
  });

  it('starts disconnected and says OBS is not set up yet', async () => {
    const status = await obsStatus(core);
    expect(status).toMatchObject({ state: 'disconnected', nextRetryAt: null });
  });

  it('connects, reports versions, lists scenes in dock order and pushes stream health', async () => {
    const res = await core.api('/api/obs/connect', { method: 'POST', json: { url: obs.url } });
    expect(res.status).toBe(200);
    const status = (await res.json()) as ObsStatus;
    expect(status).toMatchObject({
      state: 'connected',
      url: obs.url,
      obsVersion: '29.0.2',
      websocketVersion: '5.1.0',
    });

    const scenes = (await (await core.api('/api/obs/scenes')).json()) as ObsSceneList;
    expect(scenes).toEqual({
      currentProgramScene: TEST_SCENES.main,
      scenes: [TEST_SCENES.main, TEST_SCENES.drop, TEST_SCENES.soldOut],
    });

    // Readings keep coming every couple of seconds; a later one shows OBS rendering frames.
    const health = await waitUntil(
      'a stream health reading with frames rendered',
      async () => {
        const h = (await (await core.api('/api/obs/health')).json()) as StreamHealth | null;
        return h && h.renderTotalFrames > 0 && h.activeFps > 0 ? h : undefined;
      },
      6000,
    );
    expect(health).toMatchObject({
      streaming: false,
      recording: false,
      reconnecting: false,
      streamTimecode: null,
    });
    expect(health.memoryUsageMb).toBeGreaterThan(0);
  });

  it('refuses bad connection settings with a 400 naming the field', async () => {
    for (const body of [{ url: 'http://127.0.0.1:4455' }, { url: 42 }, { url: obs.url, port: 1 }]) {
      const res = await core.api('/api/obs/connect', { method: 'POST', json: body });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('bad_request');
    }
    expect((await obsStatus(core)).state).toBe('connected');
  });

  it('disconnect stops everything; OBS requests then answer 503 at once', async () => {
    const res = await core.api('/api/obs/disconnect', { method: 'POST' });
    expect(((await res.json()) as ObsStatus).state).toBe('disconnected');
    const scenes = await core.api('/api/obs/scenes');
    expect(scenes.status).toBe(503);
    expect(((await scenes.json()) as { error: { code: string } }).error.code).toBe('obs_unavailable');
    expect((await obsStatus(core)).nextRetryAt).toBeNull();
  });

  it('reconnects on start-up from the stored settings, and from DROPDECK_OBS_URL', async () => {
    const data = tempDir();
    try {
      const first = await startTestCore({ keepDataDir: data.path });
      await first.api('/api/obs/connect', { method: 'POST', json: { url: obs.url } });
      await first.stop();
      const second = await startTestCore({ keepDataDir: data.path });
      try {
        expect((await waitForObsState(second, 'connected', 5000)).url).toBe(obs.url);
      } finally {
        await second.stop();
      }
    } finally {
      data.remove();
    }
    const fromEnv = await startTestCore({ env: { DROPDECK_OBS_URL: obs.url } });
    try {
      expect((await waitForObsState(fromEnv, 'connected', 5000)).url).toBe(obs.url);
    } finally {
      await fromEnv.stop();
    }
  });
});
