import type { Drop } from '../../../shared/drops';
import type { LinkState } from '../../../shared/hub-events';
import type { Link } from '../../../shared/links';
import type { Touchpoint } from '../../../shared/touchpoints';
import { AppError } from '../domain-error';
import type { CoreServices } from '../services';
import type { Actor } from '../devices/principal';

export type LiveLinkDeps = Pick<CoreServices, 'links' | 'events' | 'clock' | 'touchpoints'>;

/**
 * The one answer public pages get when a QR can't be shown, whatever the reason (no such drop, a
 * draft, a touchpoint that is not on stream…): telling them apart would let a stranger map what exists.
 */
export const NOT_ON_AIR = (): AppError => new AppError('not_found', 'This code is not on air.');

/** A touchpoint a public page may show: public audience, no creator, marked as shown on stream. */
export function onStreamTouchpoint(deps: Pick<LiveLinkDeps, 'touchpoints'>, key: string): Touchpoint {
  const tp = deps.touchpoints.findByKey(key);
  if (!tp || !tp.onStream || tp.audience !== 'public' || tp.creator !== null) throw NOT_ON_AIR();
  return tp;
}

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
 * Public QR requests (overlay sockets, `/overlay/qr.svg`) only get links for announced drops and for
 * touchpoints shown on stream: a draft's link would hand anyone who guesses its id the unannounced
 * checkout, and a members or creator link would let the whole audience in by their door. The host and
 * co-hosts (control namespace, HTTP API) can still make any link.
 */
export function publicLink(deps: LiveLinkDeps, drop: Drop, touchpoint: string, actor: Actor): Link {
  onStreamTouchpoint(deps, touchpoint);
  if (drop.state === 'draft') throw NOT_ON_AIR();
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
export function liveLink(deps: LiveLinkDeps, drop: Drop, touchpoint: string, actor: Actor): Link {
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
