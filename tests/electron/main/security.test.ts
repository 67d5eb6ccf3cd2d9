import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  decideNavigation,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  originOf,
  withCsp,
} from '../../../electron/main/security';

const APP = 'http://127.0.0.1:4800';

/** `default-src 'self'; script-src 'self'` → {"default-src": ["'self'"], ...} */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const csp = directives(buildCsp(APP));

  it('only runs scripts served by the core itself (no inline, no eval)', () => {
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
  });

  it('lets the hub connect over websocket to the same host and port only', () => {
    expect(csp['connect-src']).toEqual(["'self'", 'ws://127.0.0.1:4800']);
  });

  it('forbids plugins, framing, <base> hijacking and foreign form targets', () => {
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
  });

  it('replaces whatever CSP the response carried, whatever its header casing', () => {
    const headers = withCsp(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      'x',
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['x'] });
  });
});

describe('external links', () => {
  it.each(['https://shop.example/checkout?x=1', 'http://192.168.1.20:4800/r/abcdEFGH12'])(
    'opens %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://fileserver/share',
    'ms-settings:privacy',
    'https://bank.example@evil.example/',
    'not a url',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses anything that is not a string (the IPC argument is untrusted)', () => {
    expect(isSafeExternalUrl({ toString: () => 'https://example.com' })).toBe(false);
    expect(isSafeExternalUrl(undefined)).toBe(false);
  });
});

describe('navigation', () => {
  it('stays in the window for pages of the core', () => {
    expect(decideNavigation(`${APP}/overlay/timer.html`, APP)).toBe('allow');
  });

  it('sends other web pages to the OS browser', () => {
    expect(decideNavigation('https://obsproject.com/help', APP)).toBe('open-external');
    // Same host, another port: a different origin, so not the app.
    expect(decideNavigation('http://127.0.0.1:8080/', APP)).toBe('open-external');
  });

  it('blocks everything else', () => {
    expect(decideNavigation('file:///C:/Windows/system32/calc.exe', APP)).toBe('block');
    expect(decideNavigation('data:text/html,<script>1</script>', APP)).toBe('block');
  });

  it('compares origins, not string prefixes', () => {
    expect(originOf(`${APP}.evil.example/`)).not.toBe(APP);
    expect(decideNavigation('http://127.0.0.1:48000/', APP)).toBe('open-external');
  });
});

describe('permissions and IPC senders', () => {
  it('grants clipboard writes to the app and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${APP}/`, APP)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', APP)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial']) {
      expect(isPermissionAllowed(p, `${APP}/`, APP)).toBe(false);
    }
  });

  it('answers IPC only to frames showing the core', () => {
    expect(isTrustedSender(`${APP}/#drops`, APP)).toBe(true);
    expect(isTrustedSender('https://evil.example/', APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
  });
});
