import { desktopBridge } from '../bridge';

const STORAGE_KEY = 'dropdeck.hostToken';

/** `#token=abc` (what `npm run serve` prints) → `abc`. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

export function saveToken(token: string): void {
  localStorage.setItem(STORAGE_KEY, token);
}

export function forgetToken(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/**
 * Where the host token comes from, most authoritative first: the desktop app's bridge, a `#token=`
 * link, then what this browser remembered. The hash is wiped right away so the token never sits in
 * the address bar of a window that might be screen-shared on stream.
 */
export async function resolveInitialToken(): Promise<string | null> {
  const bridge = desktopBridge();
  if (bridge) {
    try {
      return await bridge.getHostToken();
    } catch {
      // The core is still starting or restarting; fall through to the manual paths.
    }
  }
  const fromHash = takeTokenFromHash();
  if (fromHash) {
    saveToken(fromHash);
    return fromHash;
  }
  return localStorage.getItem(STORAGE_KEY);
}

/** Reads `#token=` and wipes it from the address bar (and history) at once. */
export function takeTokenFromHash(): string | null {
  const token = tokenFromHash(window.location.hash);
  if (token) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return token;
}
