import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Names the test scene collection provides; tests toggle these items and switch these scenes. */
export const TEST_SCENES = { main: 'Main', drop: 'Drop', soldOut: 'Sold Out' } as const;
export const TEST_SOURCES = {
  background: 'Background',
  banner: 'Drop Banner',
  soldOutText: 'Sold Out Text',
} as const;
/** Small canvas: llvmpipe renders it without skipping frames on a CI box. */
export const TEST_CANVAS = { width: 640, height: 360 } as const;

const PROFILE = 'DropDeckTest';

function item(name: string, id: number, visible: boolean): Record<string, unknown> {
  return {
    name,
    id,
    visible,
    locked: false,
    rot: 0,
    pos: { x: 0, y: 0 },
    scale: { x: 1, y: 1 },
    align: 5,
    bounds_type: 0,
    bounds_align: 0,
    bounds: { x: 0, y: 0 },
  };
}

function scene(name: string, items: Array<Record<string, unknown>>): Record<string, unknown> {
  return {
    id: 'scene',
    versioned_id: 'scene',
    name,
    settings: { id_counter: items.length, custom_size: false, items },
  };
}

function input(id: string, name: string, settings: Record<string, unknown>): Record<string, unknown> {
  return { id, versioned_id: id, name, settings };
}

/** The scene collection every (re)start begins from: program scene Main, the drop banner hidden. */
function sceneCollection(): Record<string, unknown> {
  const { main, drop, soldOut } = TEST_SCENES;
  const { background, banner, soldOutText } = TEST_SOURCES;
  return {
    name: PROFILE,
    current_scene: main,
    current_program_scene: main,
    scene_order: [{ name: main }, { name: drop }, { name: soldOut }],
    sources: [
      input('color_source_v3', background, {
        color: 4281545523,
        width: TEST_CANVAS.width,
        height: TEST_CANVAS.height,
      }),
      input('text_ft2_source_v2', banner, { text: 'LIVE DROP' }),
      input('text_ft2_source_v2', soldOutText, { text: 'SOLD OUT' }),
      scene(main, [item(background, 1, true)]),
      scene(drop, [item(background, 1, true), item(banner, 2, false)]),
      scene(soldOut, [item(background, 1, true), item(soldOutText, 2, true)]),
    ],
    transitions: [],
    current_transition: 'Cut',
    transition_duration: 300,
  };
}

/**
 * Writes OBS's whole config under `configHome` (its XDG_CONFIG_HOME): global.ini with the
 * WebSocket server on, first-run wizard off, and a profile plus scene collection of our own.
 */
export function writeObsConfig(configHome: string, port: number, password: string): void {
  const root = join(configHome, 'obs-studio');
  mkdirSync(join(root, 'basic', 'scenes'), { recursive: true });
  mkdirSync(join(root, 'basic', 'profiles', PROFILE), { recursive: true });
  const globalIni = [
    '[General]',
    // Despite its name, true here means "first run already handled": no auto-config wizard.
    'FirstRun=true',
    '',
    '[Basic]',
    `Profile=${PROFILE}`,
    `ProfileDir=${PROFILE}`,
    `SceneCollection=${PROFILE}`,
    `SceneCollectionFile=${PROFILE}`,
    '',
    '[OBSWebSocket]',
    'FirstLoad=false',
    'ServerEnabled=true',
    `ServerPort=${port}`,
    'AlertsEnabled=false',
    `AuthRequired=${password ? 'true' : 'false'}`,
    `ServerPassword=${password}`,
    '',
  ].join('\n');
  writeFileSync(join(root, 'global.ini'), globalIni);
  const basicIni = [
    '[General]',
    `Name=${PROFILE}`,
    '',
    '[Video]',
    `BaseCX=${TEST_CANVAS.width}`,
    `BaseCY=${TEST_CANVAS.height}`,
    `OutputCX=${TEST_CANVAS.width}`,
    `OutputCY=${TEST_CANVAS.height}`,
    'FPSType=1',
    'FPSInt=30',
    '',
  ].join('\n');
  writeFileSync(join(root, 'basic', 'profiles', PROFILE, 'basic.ini'), basicIni);
  writeFileSync(join(root, 'basic', 'scenes', `${PROFILE}.json`), JSON.stringify(sceneCollection(), null, 1));
}
