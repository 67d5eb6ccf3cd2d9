import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc';
import { isSafeExternalUrl, isTrustedSender, type OriginSource } from './security';
import { logError } from './window';

export interface IpcDeps {
  appOrigin: OriginSource;
  /** Null until the core has reported ready. */
  hostToken: () => string | null;
  version: string;
}

/**
 * The three handlers behind `window.dropdeck`. Every call checks that it comes from a frame showing
 * the core's own origin: a page that somehow got loaded from elsewhere never receives the host token.
 */
export function registerIpc(deps: IpcDeps): void {
  const trusted = (event: IpcMainInvokeEvent): boolean =>
    isTrustedSender(event.senderFrame?.url, deps.appOrigin());

  ipcMain.handle(IPC_CHANNELS.getHostToken, (event) => {
    if (!trusted(event)) throw new Error('refused: untrusted sender');
    const token = deps.hostToken();
    if (token === null) throw new Error('the core is still starting');
    return token;
  });

  ipcMain.handle(IPC_CHANNELS.getVersion, (event) => {
    if (!trusted(event)) throw new Error('refused: untrusted sender');
    return deps.version;
  });

  ipcMain.handle(IPC_CHANNELS.openExternal, async (event, url: unknown) => {
    if (!trusted(event) || !isSafeExternalUrl(url)) return false;
    await shell.openExternal(url).catch(logError('open external link'));
    return true;
  });
}
