import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Drop } from '../../../shared/drops';
import type { Hold } from '../../../shared/ledger';
import { looksLikeBot } from '../clicks/bot-filter';
import type { VisitorIds } from '../clicks/visitor-id';
import type { Clock } from '../clock';
import { systemActor } from '../devices/principal';
import type { DropEngine } from '../drops/drop-engine';
import type { TimerSource } from '../drops/timer-source';
import { shopCheckoutUrl } from '../links/checkout-location';
import type { LinkService } from '../links/link-service';
import { newShortCode, SHORT_CODE_PATTERN } from '../links/short-code';
import type { Logger } from '../log';
import type { ResolvedLinkRow } from '../store/links-repo';
import { toHold, type HoldRow, type HoldsRepo } from '../store/holds-repo';

export interface HoldServiceDeps {
  db: Database.Database;
  holds: HoldsRepo;
  links: LinkService;
  engine: Pick<DropEngine, 'get' | 'stockChanged'>;
  visitors: VisitorIds;
  clock: Clock;
  timers: TimerSource;
  log: Logger;
}

export interface Visitor {
  ip: string;
  userAgent: string;
  method: string;
}

/** What the hold page shows: public drop fields only. */
export interface HoldView {
  title: string;
  priceCents: number;
  currency: string;
  left: number;
  inCheckout: number;
  /** The code a cashier types into the POS note; null for bots. */
  redemptionCode: string | null;
  /** The visitor's own live hold, if any (a second tap goes on to the same checkout). */
  heldUntil: number | null;
  /** Where the form's redirect goes: the page's CSP must allow it as a form-action. */
  checkoutOrigin: string | null;
}

export type HoldOutcome =
  | { kind: 'checkout'; location: string }
  | { kind: 'page'; status: number; view: HoldView | null; message: string | null };

/** The sweep wakes at the next hold's expiry, but at least this often (a clock that jumped, a missed timer). */
const MAX_SWEEP_MS = 3600_000;
/** After a failed sweep (e.g. the database was busy), try again this much later. */
const RETRY_MS = 5_000;
const SWEEP_ACTOR = systemActor('holds');
/** Unambiguous when read aloud or typed: no 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * Stock holds: a buyer's tap on `/hold/:code` reserves a unit for the drop's `ttlSec`, the hold's ref
 * travels to the checkout as `client_reference_id`, the webhook turns it into the sale (LedgerPoster)
 * and an expired one goes back to stock — by the sweep, or by whichever read or tap comes first.
 * Reserving is one guarded UPDATE inside an immediate transaction, so parallel taps for the last
 * units get exactly as many holds as there are units.
 */
export class HoldService {
  private timer: unknown = null;
  private stopped = false;

  constructor(private readonly deps: HoldServiceDeps) {}

  startSweep(): void {
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
  }

  /**
   * GET: straight to the checkout when no hold is needed, else the page with "Reserve my unit".
   * `claim`: the buyer asked for a unit (a chat `!claim`), so the page is shown whatever the policy.
   */
  visit(code: string, who: Visitor, claim = false): HoldOutcome {
    this.releaseExpired();
    const found = this.open(code);
    if ('outcome' in found) return found.outcome;
    const { link, drop } = found;
    const needsHold =
      claim ||
      drop.holds.mode === 'always' ||
      (drop.holds.mode === 'last_units' && drop.stock <= drop.holds.lastUnits);
    if (!needsHold) return { kind: 'checkout', location: shopCheckoutUrl(link, link.code) };
    const bot = looksLikeBot(who.userAgent, who.method);
    const now = this.deps.clock.now();
    const visitorId = this.deps.visitors.ids(who.ip, who.userAgent, now).current;
    const mine = bot ? undefined : this.deps.holds.activeForVisitor(drop.id, visitorId, now);
    const redemptionCode = bot ? null : this.redemptionCode(link, visitorId, mine?.id ?? null, now);
    const view = this.view(drop, redemptionCode, mine?.expires_at ?? null);
    if (drop.stock <= 0 && !mine) return soldOut(view, drop);
    return { kind: 'page', status: 200, view, message: null };
  }

  /** POST: the tap. Reserves a unit (or re-uses this visitor's live hold) and goes on to the checkout. */
  take(code: string, who: Visitor): HoldOutcome {
    if (looksLikeBot(who.userAgent, who.method)) {
      return page(
        403,
        null,
        'Reserving needs a tap in a phone browser; this looks like a link preview or a bot.',
      );
    }
    this.releaseExpired();
    const found = this.open(code);
    if ('outcome' in found) return found.outcome;
    const { link, drop } = found;
    const now = this.deps.clock.now();
    const visitorId = this.deps.visitors.ids(who.ip, who.userAgent, now).current;
    const { holds } = this.deps;
    const result = this.deps.db
      .transaction((): { hold: HoldRow | null; limit: boolean; fresh: boolean } => {
        const mine = holds.activeForVisitor(drop.id, visitorId, now);
        if (mine) return { hold: mine, limit: false, fresh: false };
        if (holds.countForVisitor(drop.id, visitorId) >= drop.holds.perVisitor) {
          return { hold: null, limit: true, fresh: false };
        }
        for (const tier of drop.tiers) {
          if (!holds.reserve(tier.id, 1)) continue;
          const row = {
            ref: `h_${newShortCode(16)}`,
            drop_id: drop.id,
            tier_id: tier.id,
            link_code: link.code,
            touchpoint_id: link.touchpoint_id,
            visitor_id: visitorId,
            quantity: 1,
            created_at: now,
            expires_at: now + drop.holds.ttlSec * 1000,
          };
          const id = holds.insert(row);
          this.redemptionCode(link, visitorId, id, now);
          return { hold: { ...row, id, status: 'active' }, limit: false, fresh: true };
        }
        return { hold: null, limit: false, fresh: false };
      })
      .immediate();
    if (result.fresh) {
      this.changed(drop.id);
      this.arm();
    }
    if (result.hold) return { kind: 'checkout', location: shopCheckoutUrl(link, result.hold.ref) };
    const view = this.view(this.deps.engine.get(drop.id) ?? drop, null, null);
    if (result.limit) {
      return page(
        429,
        view,
        `You have reached the limit of ${drop.holds.perVisitor} reservations for this drop. ` +
          'Finish a checkout you started, or ask the host.',
      );
    }
    return soldOut(view, drop);
  }

  /**
   * `/redeem/:code`: the buyer's redemption code alone, for paying at a stand (no hold, no checkout).
   * The cashier types it into the POS note; the CSV import joins that sale to this scan.
   */
  redeem(code: string, who: Visitor): HoldOutcome {
    const r = SHORT_CODE_PATTERN.test(code) ? this.deps.links.resolve(code) : null;
    const drop = r?.link ? this.deps.engine.get(r.link.drop_id) : null;
    if (!r || r.status !== 'ok' || !drop || drop.state === 'draft') {
      return page(404, null, 'This link is no longer valid. Scan the code on stream again.');
    }
    const now = this.deps.clock.now();
    const bot = looksLikeBot(who.userAgent, who.method);
    const visitorId = this.deps.visitors.ids(who.ip, who.userAgent, now).current;
    const redemptionCode = bot ? null : this.redemptionCode(r.link, visitorId, null, now);
    return page(
      200,
      this.view(drop, redemptionCode, null),
      'Paying at the stand? Show this code to the cashier.',
    );
  }

  /** A checkout that ended unpaid (Stripe's `checkout.session.expired`): its unit goes back now. */
  release(ref: string): boolean {
    const hold = this.deps.holds.byRef(ref);
    if (!hold || hold.status !== 'active') return false;
    const released = this.deps.db
      .transaction(() => this.deps.holds.settle(hold, 'released', this.deps.clock.now(), null))
      .immediate();
    if (released) this.changed(hold.drop_id);
    return released;
  }

  /** Expired holds back to stock; the drops they touched are announced with their new counts. */
  releaseExpired(): number {
    const now = this.deps.clock.now();
    const due = this.deps.holds.due(now);
    if (due.length === 0) return 0;
    const touched = this.deps.db
      .transaction(() => {
        const drops = new Set<number>();
        for (const h of due) if (this.deps.holds.settle(h, 'expired', now, null)) drops.add(h.drop_id);
        return drops;
      })
      .immediate();
    for (const dropId of touched) this.changed(dropId);
    return due.length;
  }

  list(dropId: number, limit = 200): Hold[] {
    this.releaseExpired();
    return this.deps.holds.listByDrop(dropId, limit).map(toHold);
  }

  private open(code: string): { link: ResolvedLinkRow; drop: Drop } | { outcome: HoldOutcome } {
    const r = SHORT_CODE_PATTERN.test(code) ? this.deps.links.resolve(code) : null;
    if (!r || r.status !== 'ok') {
      return {
        outcome: page(
          r?.status === 'expired' || r?.status === 'revoked' ? 410 : 404,
          null,
          'This link is no longer valid. Scan the code on stream again.',
        ),
      };
    }
    const drop = this.deps.engine.get(r.link.drop_id);
    if (!drop) return { outcome: page(404, null, 'This link is no longer valid.') };
    if (drop.state === 'sold_out') return { outcome: soldOut(this.view(drop, null, null), drop) };
    if (drop.state !== 'live') {
      const message =
        drop.state === 'ended'
          ? 'This drop has ended.'
          : 'This drop has not started yet. Come back when it goes live.';
      return { outcome: page(409, this.view(drop, null, null), message) };
    }
    return { link: r.link, drop };
  }

  /** One code per visitor and link: a reload shows the same code. */
  private redemptionCode(
    link: ResolvedLinkRow,
    visitorId: Buffer,
    holdId: number | null,
    now: number,
  ): string {
    const { holds } = this.deps;
    const existing = holds.codeForVisitor(link.drop_id, visitorId, link.code);
    if (existing && (holdId === null || existing.hold_id === holdId)) return existing.code;
    for (;;) {
      const code = randomCode(6);
      const row = {
        code,
        link_code: link.code,
        drop_id: link.drop_id,
        touchpoint_id: link.touchpoint_id,
        visitor_id: visitorId,
        hold_id: holdId,
        created_at: now,
      };
      if (holds.insertCode(row)) return code;
    }
  }

  private view(drop: Drop, redemptionCode: string | null, heldUntil: number | null): HoldView {
    return {
      title: drop.title,
      priceCents: drop.priceCents,
      currency: drop.currency,
      left: drop.stock,
      inCheckout: drop.held,
      redemptionCode,
      heldUntil,
      checkoutOrigin: originOf(drop.checkoutUrl),
    };
  }

  private changed(dropId: number): void {
    try {
      this.deps.engine.stockChanged(dropId, SWEEP_ACTOR);
    } catch (error) {
      this.deps.log.error('could not announce a hold change', { dropId, error: String(error) });
    }
  }

  /**
   * One timer, set for the soonest active hold's expiry and only while there is one: no holds, no
   * timer. Reads and taps settle expired holds too, so a late timer only delays the announcement.
   */
  private arm(delayMs?: number): void {
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
    if (this.stopped) return;
    let delay = delayMs;
    if (delay === undefined) {
      const next = this.deps.holds.nextExpiry();
      if (next === null) return;
      delay = Math.min(Math.max(next - this.deps.clock.now(), 0), MAX_SWEEP_MS);
    }
    this.timer = this.deps.timers.set(() => {
      this.timer = null;
      try {
        this.releaseExpired();
        this.arm();
      } catch (error) {
        this.deps.log.error('hold sweep failed; retrying', { error: String(error) });
        this.arm(RETRY_MS);
      }
    }, delay);
  }
}

const page = (status: number, view: HoldView | null, message: string | null): HoldOutcome => ({
  kind: 'page',
  status,
  view,
  message,
});

const soldOut = (view: HoldView, drop: Drop): HoldOutcome =>
  page(
    409,
    view,
    drop.held > 0
      ? `Sold out for now: the last ${drop.held === 1 ? 'unit is' : `${drop.held} units are`} in someone's checkout. ` +
          'If a checkout is not finished, it comes back within minutes.'
      : 'Sold out.',
  );

function randomCode(length: number): string {
  let out = '';
  for (const byte of randomBytes(length * 2)) {
    // 31 letters: bytes ≥ 248 are dropped so every letter is equally likely.
    if (byte < 248 && out.length < length) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  }
  return out.length === length ? out : randomCode(length);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
