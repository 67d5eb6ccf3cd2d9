import { describe, expect, it } from 'vitest';
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

  it('pins only the drop pages to a drop, in the shape the core’s own overlay setup uses', () => {
    const urls = overlayUrls({ origin: 'http://127.0.0.1:4800', dropId: 7, qrTouchpoint: 'stream' });
    expect(urls.map((u) => u.url)).toEqual([
      'http://127.0.0.1:4800/overlay/timer?drop=7',
      'http://127.0.0.1:4800/overlay/qr?drop=7&touchpoint=stream',
      'http://127.0.0.1:4800/overlay/ticker?drop=7',
      'http://127.0.0.1:4800/overlay/chat',
      'http://127.0.0.1:4800/overlay/leaderboard',
    ]);
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
