import type OBSWebSocket from 'obs-websocket-js';
import { startTestCore, type TestCore } from './core-harness';
import { waitForObsState } from './obs-wait';
import { RealObs } from './real-obs';

export interface ObsRig {
  obs: RealObs;
  core: TestCore;
  /** A second obs-websocket client, to check OBS's side independently of DropDeck. */
  observer: OBSWebSocket;
  stop(): Promise<void>;
}

/** A real OBS and a core connected to it over `POST /api/obs/connect`, as a host would set it up. */
export async function startObsRig(): Promise<ObsRig> {
  const [obs, core] = await Promise.all([RealObs.start(), startTestCore()]);
  await core.api('/api/obs/connect', { method: 'POST', json: { url: obs.url } });
  await waitForObsState(core, 'connected', 5000);
  const observer = await obs.client();
  return {
    obs,
    core,
    observer,
    async stop() {
      await core.stop();
      await obs.stop();
    },
  };
}
