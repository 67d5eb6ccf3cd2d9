import {
  OVERLAY_KINDS,
  type ObsSceneList,
  type OverlayKind,
  type OverlaySetupBody,
  type OverlaySetupResult,
} from '../../../shared/obs';
import { ObsError, OBS_STATUS } from './obs-errors';
import type { ObsRequester } from './types';

export const DEFAULT_OVERLAY_SCENE = 'DropDeck Overlays';
export const BROWSER_SOURCE_KIND = 'browser_source';

/** Fixed names are what makes setup idempotent: a second run finds and updates these inputs. */
export const OVERLAY_INPUT_NAMES: Record<OverlayKind, string> = {
  timer: 'DropDeck Timer',
  qr: 'DropDeck QR',
  ticker: 'DropDeck Ticker',
  chat: 'DropDeck Chat',
};

/** The overlay pages are laid out for 1080p; OBS scales the source to the canvas. */
const PAGE = { width: 1920, height: 1080 };

export function overlayUrl(baseUrl: string, overlay: OverlayKind, dropId?: number): string {
  const params = new URLSearchParams();
  if (dropId !== undefined && overlay !== 'chat') params.set('drop', String(dropId));
  if (overlay === 'qr') params.set('touchpoint', 'stream');
  const query = params.toString();
  return `${baseUrl}/overlay/${overlay}${query ? `?${query}` : ''}`;
}

/** obs-websocket lists come back as loose JSON objects; read a string field without guessing. */
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export async function listScenes(obs: ObsRequester): Promise<ObsSceneList> {
  const list = await obs.call('GetSceneList');
  const scenes = list.scenes
    .map((s) => ({ name: text(s.sceneName), index: Number(s.sceneIndex) }))
    // OBS numbers scenes bottom-up; the Scenes dock shows the highest index at the top.
    .sort((a, b) => b.index - a.index)
    .map((s) => s.name);
  return { currentProgramScene: list.currentProgramSceneName || null, scenes };
}

function browserSourceMissing(urls: string[]): ObsError {
  return new ObsError(
    'unsupported',
    'This OBS has no Browser source (the obs-browser plugin), so DropDeck cannot add its overlays. ' +
      'Install OBS from obsproject.com, its Flatpak or its official PPA, which include it; Linux ' +
      'distribution packages (e.g. Debian’s obs-studio) leave it out. Until then you can show the ' +
      `overlays another way (e.g. a window capture of a browser) from: ${urls.join(' , ')}`,
    OBS_STATUS.InvalidInputKind,
  );
}

/**
 * One-click overlay setup: create or update DropDeck's browser sources in a scene. Everything is
 * checked before anything is changed, so a refusal never leaves a half-built scene behind.
 * `sourceKind` exists for tests against an OBS build without browser sources.
 */
export async function setupOverlays(
  obs: ObsRequester,
  body: OverlaySetupBody,
  baseUrl: string,
  sourceKind = BROWSER_SOURCE_KIND,
): Promise<OverlaySetupResult> {
  const overlays = [...new Set(body.overlays ?? OVERLAY_KINDS)];
  const urls = overlays.map((o) => overlayUrl(baseUrl, o, body.dropId));

  const { inputKinds } = await obs.call('GetInputKindList', { unversioned: false });
  if (!inputKinds.includes(sourceKind)) throw browserSourceMissing(urls);

  const { scenes } = await listScenes(obs);
  const sceneName = body.scene ?? body.dedicatedScene ?? DEFAULT_OVERLAY_SCENE;
  const sceneExists = scenes.includes(sceneName);
  if (body.scene && !sceneExists) {
    throw new ObsError(
      'not_found',
      `OBS has no scene "${sceneName}". Scenes: ${scenes.join(', ') || '(none)'}.`,
    );
  }

  const { inputs } = await obs.call('GetInputList');
  const kindByName = new Map(inputs.map((i) => [text(i.inputName), text(i.inputKind)]));
  for (const overlay of overlays) {
    const name = OVERLAY_INPUT_NAMES[overlay];
    const kind = kindByName.get(name);
    if (kind !== undefined && kind !== sourceKind) {
      throw new ObsError(
        'conflict',
        `OBS already has a "${name}" source that is not a browser source (${kind}). Rename or delete it, then run setup again.`,
      );
    }
  }

  if (!sceneExists) await obs.call('CreateScene', { sceneName });
  const video = await obs.call('GetVideoSettings');
  const canvas = { width: video.baseWidth, height: video.baseHeight };

  const sources: OverlaySetupResult['sources'] = [];
  for (const [i, overlay] of overlays.entries()) {
    const inputName = OVERLAY_INPUT_NAMES[overlay];
    const settings = {
      url: urls[i],
      width: PAGE.width,
      height: PAGE.height,
      // Keep the page running while hidden so the countdown is never stale when it reappears.
      shutdown: false,
      restart_when_active: false,
    };
    const existed = kindByName.has(inputName);
    let sceneItemId: number | null = null;
    if (existed) {
      await obs.call('SetInputSettings', { inputName, inputSettings: settings, overlay: true });
      sceneItemId = await findSceneItem(obs, sceneName, inputName);
    }
    const placeNew = sceneItemId === null;
    if (sceneItemId === null) {
      sceneItemId = existed
        ? (await obs.call('CreateSceneItem', { sceneName, sourceName: inputName, sceneItemEnabled: true }))
            .sceneItemId
        : (
            await obs.call('CreateInput', {
              sceneName,
              inputName,
              inputKind: sourceKind,
              inputSettings: settings,
              sceneItemEnabled: true,
            })
          ).sceneItemId;
    }
    // Fit new items to the canvas; an item the host already placed keeps its placement.
    if (placeNew) await fitToCanvas(obs, sceneName, sceneItemId, canvas);
    sources.push({ overlay, inputName, url: urls[i], action: existed ? 'updated' : 'created', sceneItemId });
  }
  return { scene: sceneName, sceneCreated: !sceneExists, canvas, sources };
}

async function findSceneItem(
  obs: ObsRequester,
  sceneName: string,
  sourceName: string,
): Promise<number | null> {
  try {
    return (await obs.call('GetSceneItemId', { sceneName, sourceName })).sceneItemId;
  } catch (err) {
    if (err instanceof ObsError && err.obsCode === OBS_STATUS.ResourceNotFound) return null;
    throw err;
  }
}

function fitToCanvas(
  obs: ObsRequester,
  sceneName: string,
  sceneItemId: number,
  canvas: { width: number; height: number },
): Promise<unknown> {
  return obs.call('SetSceneItemTransform', {
    sceneName,
    sceneItemId,
    sceneItemTransform: {
      positionX: 0,
      positionY: 0,
      alignment: 5, // top-left
      boundsType: 'OBS_BOUNDS_SCALE_INNER',
      boundsAlignment: 0, // centred inside the bounds
      boundsWidth: canvas.width,
      boundsHeight: canvas.height,
    },
  });
}
