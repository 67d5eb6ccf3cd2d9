import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, Notification, session, shell, utilityProcess } from 'electron';
import { CoreSupervisor, type CoreReady, type CrashInfo } from './core-process';
import { HostLink } from './host-link';
import { DropTray } from './tray';
import { registerIpc } from './ipc';
import { applySessionPolicy, guardWebContents, isSafeExternalUrl } from './security';
import { createMainWindow, logError } from './window';
import { nodeCoreFork } from './node-core-fork';

/**
 * The thin desktop host: start the core in a utility process, show its control panel in one hardened
 * window, restart the core if it dies. All product logic lives in the core and the renderer.
 */

const here = import.meta.dirname;
const preloadPath = join(here, '../preload/index.cjs');
let appOrigin = 'http://127.0.0.1';
let hostToken: string | null = null;
let mainWindow: BrowserWindow | null = null;
let supervisor: CoreSupervisor | null = null;
let hostLink: HostLink | null = null;
let tray: DropTray | null = null;

/** Tray art ships in resources/ (extraResources when packaged, the repo folder in dev). */
function trayIconPath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'resources', 'tray-icon.png')
    : join(here, '..', '..', 'resources', 'tray-icon.png');
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    if (hostToken !== null) mainWindow = createMainWindow(`${appOrigin}/`, preloadPath);
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** `npm start -- --port 4900 --data-dir ./demo` reaches the core; Chromium's own switches are ignored. */
function coreOptionsFromArgv(): Record<string, unknown> {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: false,
  });
  const port = typeof values.port === 'string' ? Number(values.port) : undefined;
  return {
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
    port,
    rendererDir: rendererDir(),
  };
}

/** Packaged builds unpack the pages next to app.asar (electron-builder.yml asarUnpack); dev uses out/. */
function rendererDir(): string {
  const inApp = join(app.getAppPath(), 'out', 'renderer');
  const unpacked = inApp.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== inApp && existsSync(unpacked) ? unpacked : inApp;
}

function onCoreReady(ready: CoreReady, restarted: boolean): void {
  const origin = `http://127.0.0.1:${ready.port}`;
  const moved = origin !== appOrigin;
  appOrigin = origin;
  hostToken = ready.hostToken;
  // The tray and the global shortcuts follow drops over the hub, as host (a new link per core start).
  hostLink?.close();
  hostLink = new HostLink(origin, ready.hostToken, (drops) => tray?.update(drops));
  tray ??= new DropTray({
    iconPath: trayIconPath(),
    link: () => hostLink,
    showWindow,
    quit: () => app.quit(),
  });
  const url = `${origin}/`;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(url, preloadPath);
  } else if (moved || restarted) {
    // Same port: socket.io reconnects by itself, but a reload also recovers a page that failed to load.
    mainWindow.loadURL(url).catch(logError(`load ${url}`));
  }
}

function onCoreCrash(info: CrashInfo): void {
  const why = info.reason ?? `exit code ${info.exitCode}`;
  process.stderr.write(`[dropdeck] core stopped (${why}); restart in ${String(info.restartInMs)} ms\n`);
  if (info.restartInMs !== null) {
    if (mainWindow && Notification.isSupported()) {
      new Notification({ title: 'DropDeck', body: 'The DropDeck engine stopped and is restarting…' }).show();
    }
    return;
  }
  // Gave up: a crash loop (port taken, database locked, native module built for another runtime).
  const detail = `${why}\n\nDropDeck will stop here. Check the log in the terminal, then start it again.`;
  dialog.showErrorBox('DropDeck could not keep its engine running', detail);
  app.exit(1);
}

function startHost(): void {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents (window, devtools, anything future) gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(
      contents,
      () => appOrigin,
      (url) => {
        if (isSafeExternalUrl(url)) shell.openExternal(url).catch(logError('open external link'));
      },
    );
  });

  app.on('window-all-closed', () => {
    // Closing the panel mid-show must not take the overlays off the stream: with a tray icon the
    // core keeps running until the host quits from the tray (macOS apps stay in the dock anyway).
    if (process.platform !== 'darwin' && !tray) app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && hostToken !== null) {
      mainWindow = createMainWindow(`${appOrigin}/`, preloadPath);
    }
  });

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped || !supervisor) return;
    // Let the core close SQLite cleanly before the process goes away.
    event.preventDefault();
    stopped = true;
    tray?.dispose();
    hostLink?.close();
    supervisor
      .stop()
      .catch(logError('stop core'))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      applySessionPolicy(session.defaultSession, () => appOrigin);
      registerIpc({ appOrigin: () => appOrigin, hostToken: () => hostToken, version: app.getVersion() });
      supervisor = new CoreSupervisor({
        fork: process.env.DROPDECK_CORE_NODE
          ? nodeCoreFork(process.env.DROPDECK_CORE_NODE)
          : (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
        entry: join(here, 'core.js'),
        coreOptions: coreOptionsFromArgv(),
        onReady: onCoreReady,
        onCrash: onCoreCrash,
      });
      supervisor.start();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('DropDeck failed to start', String(error));
      app.exit(1);
    });
}

// ESM entry code may run after `ready`, when enableSandbox is no longer allowed; every window sets
// `sandbox: true` itself anyway, this is the app-wide backstop.
if (!app.isReady()) app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  startHost();
} else {
  // A second launch just focuses the first instance (see 'second-instance') and leaves quietly.
  app.quit();
}
