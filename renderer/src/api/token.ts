import { PairingCodeSchema } from '../../../shared/devices';
import { desktopBridge } from '../bridge';

/** This device's token (a paired device's, or the host token pasted once). Read by the report page too. */
const STORAGE_KEY = 'dropdeck.hostToken';

export function saveToken(token: string): void {
  localStorage.setItem(STORAGE_KEY, token);
}

export function forgetToken(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/**
 * Where this device's token comes from: the desktop app's bridge, then what this browser remembered.
 * Tokens never come from a URL; links carry one-time pairing codes (`#pair=`) instead.
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
  return localStorage.getItem(STORAGE_KEY);
}

/** `#pair=CODE` (the pairing QR, or the one-time link printed at start) → `CODE`, or null. */
export function pairingCodeFromHash(hash: string): string | null {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('pair');
  const parsed = PairingCodeSchema.safeParse(raw ?? '');
  return parsed.success ? parsed.data : null;
}

/**
 * Reads `#pair=` and wipes it from the address bar (and history) at once: a code is single-use, and
 * the window may be screen-shared on stream.
 */
export function takePairingCodeFromHash(): string | null {
  const code = pairingCodeFromHash(window.location.hash);
  if (window.location.hash.includes('pair=')) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return code;
}

/** A name to suggest for this device, which its owner can change before pairing. */
export function suggestedDeviceName(userAgent = navigator.userAgent): string {
  if (/iPhone/.test(userAgent)) return 'iPhone';
  if (/iPad/.test(userAgent)) return 'iPad';
  if (/Android/.test(userAgent)) return 'Android phone';
  return 'Browser';
}
