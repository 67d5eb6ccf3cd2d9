/**
 * The Electron host's tiny IPC surface, named once so main, preload and renderer cannot drift.
 * Plain constants and types only: this file is bundled into the sandboxed preload and the browser
 * renderer, so it must not import electron or node.
 */
export const IPC_CHANNELS = {
  getHostToken: 'dropdeck:get-host-token',
  getVersion: 'dropdeck:get-version',
  openExternal: 'dropdeck:open-external',
} as const;
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** What the preload exposes as `window.dropdeck`. Absent when the panel runs in a plain browser. */
export interface DropDeckBridge {
  getHostToken(): Promise<string>;
  getVersion(): Promise<string>;
  /** Opens an http(s) URL in the OS browser; resolves false when the URL was refused. */
  openExternal(url: string): Promise<boolean>;
}

/** Messages the core's utility process posts to the Electron host (via `process.parentPort`). */
export type CoreToHostMessage =
  { type: 'ready'; url: string; port: number; hostToken: string } | { type: 'fatal'; message: string };

/** Messages the Electron host posts to the core's utility process. */
export type HostToCoreMessage = { type: 'shutdown' };

/** Messages cross a process boundary, so the receiver checks their shape instead of trusting a cast. */
export function parseCoreMessage(data: unknown): CoreToHostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (
    m.type === 'ready' &&
    typeof m.url === 'string' &&
    typeof m.port === 'number' &&
    typeof m.hostToken === 'string'
  ) {
    return { type: 'ready', url: m.url, port: m.port, hostToken: m.hostToken };
  }
  if (m.type === 'fatal' && typeof m.message === 'string') return { type: 'fatal', message: m.message };
  return null;
}
