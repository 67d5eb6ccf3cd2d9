import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type DropDeckBridge } from '../../shared/ipc';

/**
 * Runs sandboxed and context-isolated: the page gets exactly these three functions as
 * `window.dropdeck`, never ipcRenderer itself or a "send any channel" helper. The main process
 * re-checks the caller's origin and the URL on every call.
 */
const bridge: DropDeckBridge = {
  getHostToken: () => ipcRenderer.invoke(IPC_CHANNELS.getHostToken) as Promise<string>,
  getVersion: () => ipcRenderer.invoke(IPC_CHANNELS.getVersion) as Promise<string>,
  openExternal: (url: string) =>
    ipcRenderer.invoke(IPC_CHANNELS.openExternal, String(url)) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('dropdeck', bridge);
