import OBSWebSocket from 'obs-websocket-js';

/** obs-websocket-js plus a hard stop; the library only offers a polite close. */
export class ObsClient extends OBSWebSocket {
  /**
   * Drops the socket at once. A polite close waits for OBS to answer the closing handshake, which a
   * half-open or frozen connection never does (ws gives up only after 30 s); terminating makes
   * 'ConnectionClosed' fire now, so reconnecting can start.
   */
  terminate(): void {
    const socket = this.socket as unknown as { terminate?: () => void; close: () => void } | undefined;
    if (!socket) return;
    if (typeof socket.terminate === 'function') socket.terminate();
    else socket.close();
  }

  /** Ask OBS to close; if it does not answer in time (frozen, half-open), cut the socket. */
  async closeWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const cut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.terminate();
        resolve();
      }, ms);
    });
    await Promise.race([this.disconnect().catch(() => undefined), cut]);
    clearTimeout(timer);
  }
}
