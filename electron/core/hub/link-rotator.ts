import { systemActor } from '../devices/principal';
import type { Drop } from '../../../shared/drops';
import type { Logger } from '../log';
import { liveLink, rotationSec, type LiveLinkDeps } from '../overlays/live-link';

/** Who the audit log credits for rotated links. */
const ROTATOR_ACTOR = systemActor('rotator');

/**
 * Rotates the QR links of live drops that have `linkRotationSec`, but only for QRs some page is
 * showing (`watched`, from the overlay rooms): a link nobody displays needs no fresh token, and the
 * next page to ask gets one anyway. `liveLink` creates the new link and announces `link:rotated`.
 */
export class LinkRotator {
  constructor(
    private readonly deps: LiveLinkDeps & { log: Logger },
    private readonly watched: () => Array<{ dropId: number; touchpoint: string }>,
  ) {}

  tick(live: ReadonlyMap<number, Drop>): void {
    for (const { dropId, touchpoint } of this.watched()) {
      const drop = live.get(dropId);
      if (!drop || rotationSec(drop) === null) continue;
      try {
        liveLink(this.deps, drop, touchpoint, ROTATOR_ACTOR);
      } catch (error) {
        // e.g. the touchpoint was deleted while a page still shows it; the next tick tries again.
        this.deps.log.warn('QR link rotation failed', { dropId, touchpoint, error: String(error) });
      }
    }
  }
}
