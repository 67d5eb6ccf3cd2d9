import type { Drop } from '../../../shared/drops';
import type { LinkState } from '../../../shared/hub-events';
import type { Link } from '../../../shared/links';
import { AppError } from '../domain-error';
import type { CoreServices } from '../services';

export type LiveLinkDeps = Pick<CoreServices, 'links' | 'events' | 'clock'>;

export const toLinkState = (l: Link): LinkState => ({
  dropId: l.dropId,
  touchpoint: l.touchpoint,
  code: l.code,
  url: l.url,
  qrUrl: l.qrUrl,
  expiresAt: l.expiresAt,
});

/** Seconds between QR link rotations right now: only while the drop is live and asks for it. */
export function rotationSec(drop: Drop): number | null {
  return drop.state === 'live' ? drop.linkRotationSec : null;
}

/**
 * Public QR requests (overlay sockets, `/overlay/qr.svg`) only get links for announced drops: a
 * draft's link would hand anyone who guesses its id the unannounced checkout URL, and early scans
 * would muddy its stats. The host (control namespace, HTTP API) can still make links for drafts.
 */
export function publicLink(deps: LiveLinkDeps, drop: Drop, touchpoint: string, actor: string): Link {
  if (drop.state === 'draft') {
    throw new AppError(
      'invalid_transition',
      `Drop ${drop.id} is a draft: its QR code appears once it is scheduled or live.`,
    );
  }
  return liveLink(deps, drop, touchpoint, actor);
}

/**
 * The link a QR for (drop, touchpoint) should show now, created on demand. While a drop with
 * `linkRotationSec` is live, a link older than one period is replaced by a new short-lived one and
 * `link:rotated` goes out on the core bus (the hub pushes it to the pages showing that QR).
 *
 * A rotated link lives two periods: a viewer who scanned just before the rotation still gets through,
 * but a screenshot passed around after the stream stops working soon after.
 */
export function liveLink(deps: LiveLinkDeps, drop: Drop, touchpoint: string, actor: string): Link {
  const rotation = rotationSec(drop);
  if (rotation === null) return deps.links.current(drop.id, touchpoint, actor);
  const now = deps.clock.now();
  // links.list is newest first; peek without creating, so the age check decides.
  const newest = deps.links
    .list(drop.id)
    .find((l) => l.touchpoint === touchpoint && l.revokedAt === null && l.expiresAt > now);
  if (newest && now - newest.createdAt < rotation * 1000) return newest;
  const link = deps.links.create(drop.id, touchpoint, rotation * 2, actor);
  deps.events.emit('link:rotated', toLinkState(link));
  return link;
}
