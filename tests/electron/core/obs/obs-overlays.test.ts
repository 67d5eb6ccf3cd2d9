import type OBSWebSocket from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObsSceneList } from '../../../../shared/obs';
import { systemClock } from '../../../../electron/core/clock';
import { createLogger } from '../../../../electron/core/log';
import { ConnectionManager } from '../../../../electron/core/obs/connection-manager';
import { OVERLAY_INPUT_NAMES, setupOverlays } from '../../../../electron/core/obs/overlay-setup';
import { DEFAULT_OBS_TIMINGS } from '../../../../electron/core/obs/types';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { startObsRig, type ObsRig } from '../../../support/obs-rig';
import { type RealObs, TEST_CANVAS, TEST_SCENES } from '../../../support/real-obs';

type ErrorBody = { error: { code: string; message: string } };

async function sceneItems(
  observer: OBSWebSocket,
  sceneName: string,
): Promise<Array<Record<string, unknown>>> {
  return (await observer.call('GetSceneItemList', { sceneName })).sceneItems;
}

describe('one-click overlay setup (real OBS)', () => {
  let obs: RealObs;
  let core: TestCore;
  let observer: OBSWebSocket;

  let rig: ObsRig | undefined;
  beforeAll(async () => {
    rig = await startObsRig();
    ({ obs, core, observer } = rig);
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('says clearly when this OBS has no browser source, with what to do, and changes nothing', async () => {
    const before = (await (await core.api('/api/obs/scenes')).json()) as ObsSceneList;
    const res = await core.api('/api/obs/overlays/setup', { method: 'POST', json: { dropId: 1 } });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/no Browser source/);
    expect(error.message).toMatch(/obsproject\.com/);
    expect(error.message).toContain(`${core.url}/overlay/timer?drop=1`);
    const after = (await (await core.api('/api/obs/scenes')).json()) as ObsSceneList;
    expect(after).toEqual(before);
  });

  it('refuses malformed setup requests with 400', async () => {
    for (const body of [
      { scene: TEST_SCENES.main, dedicatedScene: 'X' },
      { overlays: ['nope'] },
      { dropId: -1 },
      { scene: '' },
    ]) {
      const res = await core.api('/api/obs/overlays/setup', { method: 'POST', json: body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe('bad_request');
    }
  });

  it('answers 503 when OBS is not connected', async () => {
    const idle = await startTestCore();
    try {
      const res = await idle.api('/api/obs/overlays/setup', { method: 'POST', json: {} });
      expect(res.status).toBe(503);
      expect(((await res.json()) as ErrorBody).error.code).toBe('obs_unavailable');
    } finally {
      await idle.stop();
    }
  });

  /**
   * This OBS build cannot make browser sources, so the create-or-update logic runs here with a text
   * source standing in for the browser source (settings are stored the same way).
   */
  describe('create-or-update, with a text source standing in for browser_source', () => {
    const STAND_IN = 'text_ft2_source_v2';
    const BASE = 'http://127.0.0.1:4800';
    let conn: ConnectionManager;

    beforeAll(async () => {
      conn = new ConnectionManager(DEFAULT_OBS_TIMINGS, systemClock, createLogger('obs-test', true));
      expect((await conn.open({ url: obs.url, password: '' })).state).toBe('connected');
    });

    afterAll(async () => {
      await conn?.close();
    });

    it('builds a dedicated scene sized to the canvas, and a second run duplicates nothing', async () => {
      const first = await setupOverlays(
        conn,
        { dedicatedScene: 'DropDeck Overlays', dropId: 3 },
        BASE,
        STAND_IN,
      );
      expect(first).toMatchObject({ scene: 'DropDeck Overlays', sceneCreated: true, canvas: TEST_CANVAS });
      expect(first.sources.map((s) => [s.overlay, s.action])).toEqual([
        ['timer', 'created'],
        ['qr', 'created'],
        ['ticker', 'created'],
        ['chat', 'created'],
      ]);
      expect(first.sources[1].url).toBe(`${BASE}/overlay/qr?drop=3&touchpoint=stream`);

      const items = await sceneItems(observer, 'DropDeck Overlays');
      expect(items.map((i) => i.sourceName).sort()).toEqual(Object.values(OVERLAY_INPUT_NAMES).sort());
      const transform = items[0].sceneItemTransform as Record<string, unknown>;
      expect(transform).toMatchObject({
        boundsType: 'OBS_BOUNDS_SCALE_INNER',
        boundsWidth: 640,
        boundsHeight: 360,
      });
      const settings = await observer.call('GetInputSettings', { inputName: OVERLAY_INPUT_NAMES.timer });
      expect(settings.inputSettings).toMatchObject({
        url: `${BASE}/overlay/timer?drop=3`,
        width: 1920,
        height: 1080,
      });

      const inputsBefore = (await observer.call('GetInputList')).inputs.length;
      const second = await setupOverlays(
        conn,
        { dedicatedScene: 'DropDeck Overlays', dropId: 4 },
        BASE,
        STAND_IN,
      );
      expect(second.sceneCreated).toBe(false);
      expect(second.sources.every((s) => s.action === 'updated')).toBe(true);
      expect(second.sources.map((s) => s.sceneItemId)).toEqual(first.sources.map((s) => s.sceneItemId));
      expect(await sceneItems(observer, 'DropDeck Overlays')).toHaveLength(4);
      expect((await observer.call('GetInputList')).inputs).toHaveLength(inputsBefore);
      const updated = await observer.call('GetInputSettings', { inputName: OVERLAY_INPUT_NAMES.timer });
      expect(updated.inputSettings.url).toBe(`${BASE}/overlay/timer?drop=4`);
      const scenes = (await observer.call('GetSceneList')).scenes.filter(
        (s) => s.sceneName === 'DropDeck Overlays',
      );
      expect(scenes).toHaveLength(1);
    });

    it('adds the overlays to an existing scene once, however often it runs', async () => {
      for (let run = 0; run < 2; run++) {
        await setupOverlays(conn, { scene: TEST_SCENES.main, overlays: ['timer', 'qr'] }, BASE, STAND_IN);
      }
      const names = (await sceneItems(observer, TEST_SCENES.main)).map((i) => i.sourceName);
      expect(names.filter((n) => n === OVERLAY_INPUT_NAMES.timer)).toHaveLength(1);
      expect(names.filter((n) => n === OVERLAY_INPUT_NAMES.qr)).toHaveLength(1);
      expect(names).not.toContain(OVERLAY_INPUT_NAMES.chat);
    });

    it('refuses a missing scene, and a same-named source of another kind, before touching OBS', async () => {
      await expect(setupOverlays(conn, { scene: 'Nope' }, BASE, STAND_IN)).rejects.toMatchObject({
        code: 'not_found',
      });
      const inputsBefore = (await observer.call('GetInputList')).inputs.length;
      // Pretend the overlays must be colour sources: the existing text ones now clash.
      await expect(
        setupOverlays(conn, { dedicatedScene: 'Other' }, BASE, 'color_source_v3'),
      ).rejects.toMatchObject({
        code: 'conflict',
      });
      expect((await observer.call('GetInputList')).inputs).toHaveLength(inputsBefore);
      expect((await observer.call('GetSceneList')).scenes.map((s) => s.sceneName)).not.toContain('Other');
    });
  });
});
