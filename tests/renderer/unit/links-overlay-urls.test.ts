import { describe, expect, it } from 'vitest';
import { overlayUrl } from '../../../electron/core/obs/overlay-setup';
import type { Touchpoint } from '../../../shared/touchpoints';
import { overlayUrls, streamTouchpoint } from '../../../renderer/src/links/overlay-urls';

const tp = (over: Partial<Touchpoint>): Touchpoint => ({
  id: 1,
  key: 'stream',
  kind: 'stream_qr',
  label: 'Stream QR',
  creator: null,
  audience: 'public',
  onStream: true,
  createdAt: 0,
  ...over,
});

describe('overlay URLs for OBS', () => {
  it('lists every overlay page, following the live drop by default', () => {
    const urls = overlayUrls({ origin: 'http://192.168.1.20:4800/', qrTouchpoint: 'stream' });
    expect(urls.map((u) => u.url)).toEqual([
      'http://192.168.1.20:4800/overlay/timer',
      'http://192.168.1.20:4800/overlay/qr?touchpoint=stream',
      'http://192.168.1.20:4800/overlay/ticker',
      'http://192.168.1.20:4800/overlay/chat',
      'http://192.168.1.20:4800/overlay/leaderboard',
    ]);
  });

  it('pins only the drop pages to a drop, as the core’s own setup does', () => {
    const base = 'http://127.0.0.1:4800';
    const urls = overlayUrls({ origin: base, dropId: 7, qrTouchpoint: 'stream' });
    for (const kind of ['timer', 'qr', 'ticker', 'chat'] as const) {
      expect(urls.find((u) => u.page === kind)?.url).toBe(overlayUrl(base, kind, 7));
    }
    expect(urls.find((u) => u.page === 'leaderboard')?.url).toBe(`${base}/overlay/leaderboard`);
  });

  it('offers no QR page without an on-stream touchpoint', () => {
    const urls = overlayUrls({ origin: 'http://x', qrTouchpoint: null });
    expect(urls.map((u) => u.page)).toEqual(['timer', 'ticker', 'chat', 'leaderboard']);
  });

  it('never puts a members or creator touchpoint on stream', () => {
    expect(streamTouchpoint([tp({ key: 'stream' }), tp({ key: 'venue' })])).toBe('stream');
    expect(streamTouchpoint([tp({ key: 'stream', onStream: false }), tp({ key: 'venue' })])).toBe('venue');
    expect(
      streamTouchpoint([
        tp({ key: 'members', audience: 'members' }),
        tp({ key: 'dm', creator: 'Ana' }),
        tp({ key: 'stream', onStream: false }),
      ]),
    ).toBeNull();
  });
});
