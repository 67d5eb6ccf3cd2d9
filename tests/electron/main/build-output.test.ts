import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc';
import { tempDir } from '../../support/temp-dir';
import { assertBuilt, ROOT } from './built-output';

beforeAll(() => assertBuilt());

describe('built preload (out/preload/index.cjs)', () => {
  /** Runs the preload the way a sandboxed renderer does: CommonJS, where only `electron` can be required. */
  function loadPreload() {
    const exposed: Record<string, Record<string, unknown>> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve('reply');
        },
      },
    };
    const sandboxRequire = (id: string): unknown => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    };
    const code = readFileSync(join(ROOT, 'out/preload/index.cjs'), 'utf8');
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    return { exposed, invoked };
  }

  it('gives the page exactly three named functions and nothing else', () => {
    const { exposed } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['dropdeck']);
    const api = exposed.dropdeck;
    expect(Object.keys(api).sort()).toEqual(['getHostToken', 'getVersion', 'openExternal']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('maps each function to its one IPC channel', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.dropdeck as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await api.getHostToken();
    await api.getVersion();
    await api.openExternal('https://shop.example/');
    expect(invoked).toEqual([
      [IPC_CHANNELS.getHostToken],
      [IPC_CHANNELS.getVersion],
      [IPC_CHANNELS.openExternal, 'https://shop.example/'],
    ]);
  });
});

describe('built renderer (out/renderer)', () => {
  it('contains the control panel and every overlay page, with relative asset URLs', () => {
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    expect(html).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    const overlaySrc = join(ROOT, 'renderer/overlay');
    const pages = existsSync(overlaySrc) ? readdirSync(overlaySrc).filter((f) => f.endsWith('.html')) : [];
    for (const page of pages) expect(existsSync(join(ROOT, 'out/renderer/overlay', page))).toBe(true);
  });
});

describe('built core entry (out/main/core.js)', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('starts the core from DROPDECK_CORE_OPTS and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'out/main/core.js')], {
      env: {
        ...process.env,
        DROPDECK_QUIET: '1',
        DROPDECK_HOST_TOKEN: 'core-entry-test-token-123',
        DROPDECK_CORE_OPTS: JSON.stringify({
          dataDir: dir.path,
          port: 0,
          rendererDir: join(ROOT, 'out/renderer'),
        }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const m = /DropDeck core ready on (\S+)/.exec(line);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`core exited early with ${String(code)}`)));
    });

    const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const refused = await fetch(`${url}/api/drops`);
    expect(refused.status).toBe(401);
    const panel = await fetch(`${url}/`);
    expect(await panel.text()).toContain('<div id="root">');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
