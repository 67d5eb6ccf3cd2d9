import type { DropDeckBridge } from '../../shared/ipc';

declare global {
  interface Window {
    /** Present only inside the Electron window (the preload); plain browsers have no bridge. */
    dropdeck?: DropDeckBridge;
  }
}

export function desktopBridge(): DropDeckBridge | null {
  return window.dropdeck ?? null;
}
