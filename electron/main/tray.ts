import { globalShortcut, Menu, nativeImage, Tray } from 'electron';
import type { Drop } from '../../shared/drops';
import type { HostLink } from './host-link';
import { dropActions, focusDrop, type DropAction } from '../../shared/drop-focus';
import { actionForShortcut, GLOBAL_SHORTCUTS, trayTitle } from './live-drop';
import { logError } from './window';

export interface TrayDeps {
  iconPath: string;
  link: () => HostLink | null;
  showWindow: () => void;
  quit: () => void;
}

/**
 * The tray icon with the live drop's state (title, stock, time left) and its controls, plus the
 * global shortcuts that run the same controls while OBS has the focus. What to show and allow comes
 * from `live-drop.ts`; this file only talks to Electron.
 */
export class DropTray {
  private readonly tray: Tray;
  private drops: Drop[] = [];
  private ticker: NodeJS.Timeout | null = null;

  constructor(private readonly deps: TrayDeps) {
    this.tray = new Tray(nativeImage.createFromPath(deps.iconPath));
    this.tray.on('click', () => deps.showWindow());
    for (const { accelerator } of GLOBAL_SHORTCUTS) {
      // Another app may own the combination; the tray menu still offers the control.
      if (!globalShortcut.register(accelerator, () => this.shortcut(accelerator))) {
        process.stderr.write(`[dropdeck] global shortcut ${accelerator} is taken by another app\n`);
      }
    }
    this.render();
  }

  update(drops: Drop[]): void {
    this.drops = drops;
    this.render();
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    for (const { accelerator } of GLOBAL_SHORTCUTS) globalShortcut.unregister(accelerator);
    this.tray.destroy();
  }

  private render(): void {
    const drop = focusDrop(this.drops);
    const title = trayTitle(drop, Date.now());
    this.tray.setToolTip(title);
    // macOS shows the title next to the icon; elsewhere the tooltip and the menu carry it.
    if (process.platform === 'darwin') this.tray.setTitle(drop ? title : '');
    const controls = dropActions(drop).map((action) => ({
      label: action.label,
      click: () => this.run(action),
    }));
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: title, enabled: false },
        ...(controls.length ? [{ type: 'separator' as const }, ...controls] : []),
        { type: 'separator' },
        { label: 'Show DropDeck', click: () => this.deps.showWindow() },
        { label: 'Quit DropDeck', click: () => this.deps.quit() },
      ]),
    );
    // The countdown in the title needs a tick only while a drop runs.
    const live = drop?.state === 'live';
    if (live && !this.ticker) this.ticker = setInterval(() => this.render(), 1000);
    if (!live && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  private shortcut(accelerator: string): void {
    const action = actionForShortcut(accelerator, focusDrop(this.drops));
    if (action) this.run(action);
  }

  private run(action: DropAction): void {
    const link = this.deps.link();
    if (!link) return;
    link
      .run(action.command, action.input)
      .then((result) => {
        if (!result.ok) process.stderr.write(`[dropdeck] ${action.label}: ${result.error.message}\n`);
      })
      .catch(logError(action.label));
  }
}
