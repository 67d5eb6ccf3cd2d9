import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  displayProblem,
  electronFailure,
  headlessBanner,
  isBuildStale,
  parseReadyLine,
  resolveElectronBinary,
  splitArgs,
} from '../../../scripts/start-lib.mjs';
import { tempDir } from '../../support/temp-dir';

const READY =
  'DropDeck ready on http://127.0.0.1:4800 — viewers: http://192.168.1.20:4800 — control panel: ' +
  'http://127.0.0.1:4800/#pair=ABCDEFGH23 — data: /home/me/.config/DropDeck';

describe('npm start: is a rebuild needed', () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir.remove());

  function project(): string {
    dir = tempDir('dropdeck-start-');
    mkdirSync(join(dir.path, 'src'), { recursive: true });
    mkdirSync(join(dir.path, 'out'), { recursive: true });
    writeFileSync(join(dir.path, 'src', 'a.ts'), '1');
    writeFileSync(join(dir.path, 'out', 'index.js'), '1');
    const t = new Date('2025-01-01T00:00:00Z');
    utimesSync(join(dir.path, 'src', 'a.ts'), t, t);
    return dir.path;
  }

  it('rebuilds when an output is missing', () => {
    const root = project();
    expect(isBuildStale(root, ['out/index.js', 'out/other.js'], ['src'])).toBe(true);
  });

  it('skips the build when every output is newer than every source', () => {
    const root = project();
    expect(isBuildStale(root, ['out/index.js'], ['src'])).toBe(false);
  });

  it('rebuilds after a source file changed', () => {
    const root = project();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'a.ts'), later, later);
    expect(isBuildStale(root, ['out/index.js'], ['src'])).toBe(true);
  });
});

describe('npm start: can Electron run here', () => {
  it('treats a missing Electron binary as "not available" instead of crashing', () => {
    const throwing = (): never => {
      throw new Error('Electron failed to install correctly');
    };
    expect(resolveElectronBinary(throwing)).toBeNull();
    expect(resolveElectronBinary(() => '/nowhere/electron')).toBeNull();
    expect(resolveElectronBinary(() => process.execPath)).toBe(process.execPath);
  });

  it('knows Linux needs a display, other systems always have one', () => {
    expect(displayProblem('linux', {})).toMatch(/no graphical display/);
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(displayProblem('darwin', {})).toBeNull();
    expect(displayProblem('win32', {})).toBeNull();
  });

  it('falls back when Electron dies before showing its window', () => {
    expect(electronFailure({ code: 1, signal: null, sawReady: false })).toMatch(/code 1/);
    expect(electronFailure({ code: null, signal: 'SIGSEGV', sawReady: false })).toMatch(/SIGSEGV/);
    expect(electronFailure({ code: null, signal: null, sawReady: false, spawnError: 'EACCES' })).toMatch(
      /EACCES/,
    );
  });

  it('does not fall back after a normal quit or a second-instance hand-over', () => {
    expect(electronFailure({ code: 0, signal: null, sawReady: false })).toBeNull();
    expect(electronFailure({ code: 1, signal: null, sawReady: true })).toBeNull();
  });
});

describe('npm start: headless announcement', () => {
  it('reads the URL and token from the serve ready line', () => {
    expect(parseReadyLine(READY)).toEqual({
      url: 'http://127.0.0.1:4800',
      viewersUrl: 'http://192.168.1.20:4800',
      signInUrl: 'http://127.0.0.1:4800/#pair=ABCDEFGH23',
    });
    expect(parseReadyLine('Host token (saved in /x/host-token): abc')).toBeNull();
  });

  it('tells the host exactly which URL to open, on this machine and from a phone', () => {
    const ready = parseReadyLine(READY);
    if (!ready) throw new Error('ready line not parsed');
    const text = headlessBanner(ready, 'the Electron binary is not installed');
    expect(text).toContain('Electron is not available here');
    expect(text).toContain('DropDeck is running headless');
    expect(text).toContain(
      'Open the control panel (a one-time sign-in link, valid for 5 minutes): http://127.0.0.1:4800/#pair=ABCDEFGH23',
    );
    // Phones pair from the panel; no token or code for them is printed where a stream might show it.
    expect(text).toContain('pair them from the panel');
    expect(text).toContain('http://192.168.1.20:4800');
    expect(text).not.toContain('#token=');
  });

  it('passes every argument except --headless through to the core', () => {
    expect(splitArgs(['--port', '4900', '--headless', '--data-dir', 'x'])).toEqual({
      headless: true,
      passThrough: ['--port', '4900', '--data-dir', 'x'],
    });
  });
});
