import type { Session, WebContents } from 'electron';

/**
 * The host's security policy. The decisions are plain functions (unit-tested without Electron);
 * the `apply*` helpers wire them into a session / webContents. Only type imports from electron here,
 * so tests can load this file on a machine without the Electron binary.
 */

/** `http://127.0.0.1:4800/anything` → `http://127.0.0.1:4800`; null for anything unparsable. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

export function isSameOrigin(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/**
 * The control panel only ever talks to its own core: scripts, styles, fonts and API calls from
 * 'self', socket.io over ws:// to the same host, QR images as data:/blob:. No inline script, no eval,
 * no plugins, no framing, no <base> tricks.
 */
export function buildCsp(appOrigin: string): string {
  const ws = appOrigin.replace(/^http/, 'ws');
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ws],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

type Headers = Record<string, string[]>;

/** Replaces any CSP the response carried (header names are case-insensitive) with ours. */
export function withCsp(headers: Headers | undefined, csp: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

const MAX_EXTERNAL_URL = 2048;

/**
 * What may be handed to the OS browser: http(s) only (never file:, javascript:, custom schemes that
 * launch other apps), no embedded credentials (`https://bank.com@evil.example`), sane length.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return false;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    return parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'open-external' | 'block';

/** In-app navigation stays on the core's origin; other web links go to the OS browser. */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  if (isSameOrigin(url, appOrigin)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-external' : 'block';
}

/**
 * Permissions the panel legitimately needs: writing a link to the clipboard ("copy link").
 * Camera, mic, geolocation, notifications, HID, serial... are all refused.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isSameOrigin(requestingUrl, appOrigin);
}

/** IPC replies (the host token!) go only to frames showing our own core's pages. */
export function isTrustedSender(frameUrl: string | undefined, appOrigin: string): boolean {
  return frameUrl !== undefined && isSameOrigin(frameUrl, appOrigin);
}

/** The origin can change when the core restarts on another port, so it is read on every check. */
export type OriginSource = () => string;

export function applySessionPolicy(ses: Session, appOrigin: OriginSource): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const origin = appOrigin();
    if (!isSameOrigin(details.url, origin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCsp(details.responseHeaders, buildCsp(origin)) });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appOrigin()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appOrigin()),
  );
}

/** Blocks navigation away from the core, new windows and <webview>; web links open in the OS browser. */
export function guardWebContents(
  contents: WebContents,
  appOrigin: OriginSource,
  openExternal: (url: string) => void,
): void {
  const route = (url: string): boolean => {
    const decision = decideNavigation(url, appOrigin());
    if (decision === 'open-external') openExternal(url);
    return decision === 'allow';
  };
  contents.on('will-navigate', (event, url) => {
    if (!route(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isSameOrigin(url, appOrigin())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // No second Electron window ever: popups (even our own overlay pages) open in the OS browser.
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
