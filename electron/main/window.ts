import { BrowserWindow } from 'electron';

/**
 * The one control-panel window. It shows the core's own page over http://127.0.0.1 — the same page
 * a phone on the LAN gets — with every renderer hardening switch on; the preload adds three
 * named functions and nothing else.
 */
export function createMainWindow(url: string, preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 420,
    minHeight: 560,
    show: false,
    backgroundColor: '#101218',
    title: 'DropDeck',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  // Navigation/popup guards are attached to every webContents in index.ts ('web-contents-created').
  win.once('ready-to-show', () => win.show());
  win.webContents.once('did-finish-load', () => {
    // scripts/start.mjs watches stdout for this line to know the desktop app really came up.
    process.stdout.write(`[dropdeck] window ready ${url}\n`);
  });
  win.loadURL(url).catch(logError(`load ${url}`));
  return win;
}

/** Load failures (core restarting, port gone) are logged; the page's own banner tells the host. */
export function logError(what: string): (error: unknown) => void {
  return (error) => process.stderr.write(`[dropdeck] ${what} failed: ${String(error)}\n`);
}
