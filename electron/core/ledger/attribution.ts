import type { LinkService } from '../links/link-service';
import { SHORT_CODE_PATTERN } from '../links/short-code';
import type { HoldRow, HoldsRepo } from '../store/holds-repo';
import type { PostingsRepo } from '../store/postings-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';
import { AppError } from '../domain-error';

/** Where a posted sale came from: the drop, the scan's link and touchpoint, the visitor. */
export interface Origin {
  dropId: number | null;
  tierId: number | null;
  touchpointId: number;
  linkCode: string | null;
  visitorId: Buffer | null;
  /** The hold the buyer's checkout carried, to turn into the sale. */
  hold: HoldRow | null;
  /** How sure the join is (1: the buyer's own hold or code). */
  via: 'hold' | 'link' | 'redemption_code' | 'none';
}

/** Hold refs are `h_` + base62; link codes are plain base62 (SHORT_CODE_PATTERN). */
export const HOLD_REF_PATTERN = /^h_[0-9A-Za-z]{16}$/;

/**
 * Reads a `client_reference_id` / cart attribute / typed redemption code back into its scan. A ref
 * that names nothing we know is no error: the sale is posted to 'direct', without a drop.
 */
export class Attribution {
  constructor(
    private readonly links: LinkService,
    private readonly holds: HoldsRepo,
    private readonly postings: PostingsRepo,
    private readonly touchpoints: TouchpointsRepo,
  ) {}

  direct(): number {
    const direct = this.touchpoints.findByKey('direct');
    if (!direct) throw new AppError('internal', 'The "direct" touchpoint is missing from the database.');
    return direct.id;
  }

  none(): Origin {
    return {
      dropId: null,
      tierId: null,
      touchpointId: this.direct(),
      linkCode: null,
      visitorId: null,
      hold: null,
      via: 'none',
    };
  }

  fromRef(ref: string | null | undefined): Origin {
    if (!ref) return this.none();
    if (HOLD_REF_PATTERN.test(ref)) {
      const hold = this.holds.byRef(ref);
      if (!hold) return this.none();
      return {
        dropId: hold.drop_id,
        tierId: hold.tier_id,
        touchpointId: hold.touchpoint_id,
        linkCode: hold.link_code,
        visitorId: hold.visitor_id,
        hold,
        via: 'hold',
      };
    }
    if (!SHORT_CODE_PATTERN.test(ref)) return this.none();
    const link = this.links.resolve(ref).link;
    if (!link) return this.none();
    return {
      dropId: link.drop_id,
      tierId: null,
      touchpointId: link.touchpoint_id,
      linkCode: link.code,
      // Cheap (one indexed lookup): the newest human scan of that link is most likely the buyer.
      visitorId: this.postings.lastVisitor(link.drop_id, link.code),
      hold: null,
      via: 'link',
    };
  }

  fromRedemptionCode(code: string | null | undefined): Origin | null {
    if (!code) return null;
    const row = this.holds.code(normaliseCode(code));
    if (!row) return null;
    const hold = row.hold_id === null ? null : (this.holds.byId(row.hold_id) ?? null);
    return {
      dropId: row.drop_id,
      tierId: hold?.tier_id ?? null,
      touchpointId: row.touchpoint_id,
      linkCode: row.link_code,
      visitorId: row.visitor_id,
      hold,
      via: 'redemption_code',
    };
  }
}

/** Redemption codes are typed by a cashier: case, spaces and dashes don't matter. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
