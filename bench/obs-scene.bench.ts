import { execFileSync } from 'node:child_process';
import OBSWebSocket, { EventSubscription } from 'obs-websocket-js';
import type { ObsStatus } from '../shared/obs';
import { startCoreProcess } from '../tests/support/core-process';
import { RealObs, TEST_SCENES } from '../tests/support/real-obs';
import { tempDir } from '../tests/support/temp-dir';

const TOKEN = 'bench-token-obs-0123456789abcdef';
const SWITCHES = Number(process.env.BENCH_OBS_SWITCHES ?? 60);
const ROUND_TRIPS = 500;

function installed(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * OBS applies a scene switch on its next video frame (33 ms at 30 fps). Back-to-back samples would
 * all start right after a frame and wait a whole one; a random pause spreads them over the frame.
 */
const unsync = (): Promise<void> => new Promise((r) => setTimeout(r, Math.random() * 40));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `  ${label.padEnd(44)} p50 ${percentile(s, 50).toFixed(2)} ms, p99 ${percentile(s, 99).toFixed(2)} ms (n=${s.length})`;
}

/** Resolves when OBS announces `scene` as the program scene (CurrentProgramSceneChanged). */
function nextProgramScene(observer: OBSWebSocket, scene: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.off('CurrentProgramSceneChanged', onChange);
      reject(new Error(`OBS did not switch to "${scene}" within 5 s`));
    }, 5000);
    const onChange = ({ sceneName }: { sceneName: string }): void => {
      if (sceneName !== scene) return;
      clearTimeout(timer);
      observer.off('CurrentProgramSceneChanged', onChange);
      resolve(performance.now());
    };
    observer.on('CurrentProgramSceneChanged', onChange);
  });
}

/**
 * POST /api/drops/:id/start → OBS reporting the drop's program scene, through a core running in
 * its own process (as in the app), next to bare obs-websocket round trips measured in the same run.
 */
export async function benchObsScene(): Promise<string[]> {
  if (!installed('obs') || !installed('Xvfb')) {
    return ['obs scene: skipped — needs obs-studio and xvfb (apt-get install obs-studio xvfb)'];
  }
  const obs = await RealObs.start();
  const dir = tempDir('dropdeck-bench-obs-');
  const core = await startCoreProcess(dir.path, TOKEN, { DROPDECK_OBS_URL: obs.url });
  const observer = new OBSWebSocket();
  // Sends the bare requests. Measured on the observer's own socket, OBS's event arrives about one
  // frame later than on another client's, so the baseline uses a second client, like DropDeck.
  const sender = new OBSWebSocket();
  try {
    await observer.connect(obs.url, undefined, { eventSubscriptions: EventSubscription.Scenes });
    await sender.connect(obs.url, undefined, { eventSubscriptions: EventSubscription.None });
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const api = async (path: string, body?: unknown): Promise<unknown> => {
      const res = await fetch(core.url + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    for (let i = 0; i < 100; i++) {
      if (
        ((await (await fetch(`${core.url}/api/obs/status`, { headers })).json()) as ObsStatus).state ===
        'connected'
      )
        break;
      await new Promise((r) => setTimeout(r, 50));
    }

    // Bare obs-websocket: one request/response, and a scene switch until OBS announces it.
    const rtt: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const t0 = performance.now();
      await sender.call('GetVersion');
      rtt.push(performance.now() - t0);
    }
    const bareSwitch: number[] = [];
    const scenes = [TEST_SCENES.drop, TEST_SCENES.soldOut];
    for (let i = 0; i < SWITCHES; i++) {
      const scene = scenes[i % 2];
      await unsync();
      const seen = nextProgramScene(observer, scene);
      const t0 = performance.now();
      await sender.call('SetCurrentProgramScene', { sceneName: scene });
      bareSwitch.push((await seen) - t0);
    }
    await sender.call('SetCurrentProgramScene', { sceneName: TEST_SCENES.main });

    // Through DropDeck: each drop's start action switches to a scene that is not on air yet.
    const viaDrop: number[] = [];
    const warmUp = 5;
    for (let i = 0; i < SWITCHES + warmUp; i++) {
      const scene = scenes[i % 2];
      const drop = (await api('/api/drops', {
        title: `Bench ${i}`,
        stock: 10,
        priceCents: 100,
        currency: 'EUR',
        durationSec: 600,
        checkoutUrl: 'https://shop.example.com/checkout',
        obsActions: { start: [{ type: 'switchScene', scene }] },
      })) as { id: number };
      await unsync();
      const seen = nextProgramScene(observer, scene);
      const t0 = performance.now();
      await api(`/api/drops/${drop.id}/start`, {});
      const t1 = await seen;
      if (i >= warmUp) viaDrop.push(t1 - t0);
      await api(`/api/drops/${drop.id}/end`, {});
    }
    return [
      `obs scene switch, real OBS ${(await observer.call('GetVersion')).obsVersion} under Xvfb, core in its own process:`,
      summary('bare obs-websocket round trip (GetVersion)', rtt),
      summary('bare SetCurrentProgramScene → OBS event', bareSwitch),
      summary('POST /api/drops/:id/start → OBS event', viaDrop),
    ];
  } finally {
    await observer.disconnect().catch(() => undefined);
    await sender.disconnect().catch(() => undefined);
    await core.kill('SIGTERM');
    dir.remove();
    await obs.stop();
  }
}
