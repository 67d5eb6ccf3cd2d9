import { OVERLAY_KINDS } from '../../../shared/obs';
import type { Touchpoint } from '../../../shared/touchpoints';

/** Every overlay page the core serves at `/overlay/<page>` (one per `renderer/overlay/*.html`). */
export const OVERLAY_PAGES = [...OVERLAY_KINDS, 'leaderboard'] as const;
export type OverlayPage = (typeof OVERLAY_PAGES)[number];

const ABOUT: Record<OverlayPage, { label: string; what: string }> = {
  timer: { label: 'Timer', what: 'Countdown and units left of the drop.' },
  qr: { label: 'QR code', what: 'The scan-to-buy code; it swaps itself when the link rotates.' },
  ticker: { label: 'Ticker', what: 'Units left, units sold and the buyers who agreed to be thanked.' },
  chat: { label: 'Chat', what: 'Viewer chat messages that passed moderation.' },
  leaderboard: { label: 'Leaderboard', what: 'Top supporters who opted in on the chat page.' },
};

/** Pages that follow one drop; chat and leaderboard are show-wide. */
const DROP_PAGES: ReadonlySet<OverlayPage> = new Set(['timer', 'qr', 'ticker']);

export interface OverlayUrl {
  page: OverlayPage;
  label: string;
  what: string;
  url: string;
}

export interface OverlayUrlOptions {
  /** Where the core answers, e.g. `http://127.0.0.1:4800` (no trailing slash). */
  origin: string;
  /** Pin the drop pages to this drop; undefined: they follow whichever drop is live. */
  dropId?: number;
  /** The touchpoint the QR page shows; only an on-stream one may be given (see `streamTouchpoint`). */
  qrTouchpoint: string | null;
}

/**
 * The browser-source URLs for OBS, built the way the core's own overlay setup builds them, so a
 * source added by hand behaves like one the setup button made. Without an on-stream touchpoint there
 * is no QR page to offer: the page would only ever answer "not on air".
 */
export function overlayUrls({ origin, dropId, qrTouchpoint }: OverlayUrlOptions): OverlayUrl[] {
  const base = origin.replace(/\/+$/, '');
  return OVERLAY_PAGES.filter((page) => page !== 'qr' || qrTouchpoint !== null).map((page) => {
    const params = new URLSearchParams();
    if (dropId !== undefined && DROP_PAGES.has(page)) params.set('drop', String(dropId));
    if (page === 'qr' && qrTouchpoint) params.set('touchpoint', qrTouchpoint);
    const query = params.toString();
    return { page, ...ABOUT[page], url: `${base}/overlay/${page}${query ? `?${query}` : ''}` };
  });
}

/**
 * The touchpoint whose QR may go on stream: `stream` when it is allowed there, else the first one
 * marked on-stream. Members and creator touchpoints never are (the core refuses to mark them), so a
 * private link never reaches the whole audience through these URLs.
 */
export function streamTouchpoint(touchpoints: readonly Touchpoint[]): string | null {
  const allowed = touchpoints.filter((t) => t.onStream && t.audience === 'public' && t.creator === null);
  return (allowed.find((t) => t.key === 'stream') ?? allowed[0])?.key ?? null;
}
