import type Database from 'better-sqlite3';
import type { Drop } from '../../../shared/drops';
import type { CreateSaleInput, Sale } from '../../../shared/sales';
import type { Clock } from '../clock';
import type { DropEngine } from '../drops/drop-engine';
import { pickTier } from '../drops/drop-tiers';
import { AppError, notFound } from '../domain-error';
import type { LinkService } from '../links/link-service';
import type { DropsRepo } from '../store/drops-repo';
import type { InventoryRepo } from '../store/inventory-repo';
import type { LedgerPoster } from '../ledger/ledger-poster';
import type { LedgerRepo } from '../store/ledger-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';
import { capRefusal, duplicateRefusal, openRefusal, shortStockError } from './sale-rules';
import type { Actor } from '../devices/principal';

export interface SaleServiceDeps {
  db: Database.Database;
  drops: DropsRepo;
  ledger: LedgerRepo;
  inventory: InventoryRepo;
  touchpoints: TouchpointsRepo;
  links: LinkService;
  engine: DropEngine;
  /** Posting: what an admitted sale is written with (ledger entry, stock, movement, rollup, audit). */
  poster: Pick<LedgerPoster, 'writePurchase' | 'announce'>;
  clock: Clock;
}

/** Which touchpoint a sale is credited to, from the short-link code the buyer came through. */
interface Attribution {
  touchpointId: number;
  linkCode: string | null;
  /** The link is live and belongs to a members touchpoint: it may buy during early access. */
  members: boolean;
}

/**
 * Admission: decides whether a manual sale may happen, then posts it. One transaction per sale:
 * idempotency, the drop's window, the per-buyer cap and the stock check (held units are not for
 * sale), then the posting (`LedgerPoster.writePurchase`: ledger entry, stock, inventory movement,
 * per-minute rollup, audit) all commit together or not at all. Since better-sqlite3 runs each
 * transaction to the end before the next request is looked at, concurrent sales are serialised and
 * the last units go to exactly as many buyers as there are units. Money already taken elsewhere
 * (webhooks, POS) skips admission and goes straight to the poster.
 */
export class SaleService {
  constructor(private readonly deps: SaleServiceDeps) {}

  /** The recorded sale; `duplicate: true` (nothing written) when (source, externalId) was seen before. */
  record(input: CreateSaleInput, actor: Actor): Sale {
    // A live drop whose time ran out must be ended before we judge the sale against it.
    this.deps.engine.settle(input.dropId);
    const now = this.deps.clock.now();
    const sale = this.deps.db.transaction(() => this.write(input, actor, now)).immediate();
    if (!sale.duplicate) {
      this.deps.poster.announce(sale, sale.dropId, input.buyerDisplay || null, actor);
    }
    return sale;
  }

  private write(input: CreateSaleInput, actor: Actor, now: number): Sale {
    const { drops, ledger, inventory } = this.deps;
    const existing = ledger.findByExternalId(input.source, input.externalId);
    if (existing) {
      const refusal = duplicateRefusal(existing, input);
      if (refusal) throw refusal;
      return existing.sale;
    }

    const drop = drops.get(input.dropId);
    if (!drop) throw notFound(`Drop ${input.dropId}`);
    if (input.currency !== drop.currency) {
      throw new AppError(
        'bad_request',
        `Drop ${drop.id} sells in ${drop.currency}; this sale is in ${input.currency}.`,
      );
    }
    const tier = pickTier(drop, input.tierId);
    const from = this.attribute(input.ref, drop);
    const refusal =
      openRefusal(drop, now, from.members) ??
      capRefusal(drop, input.quantity, input.buyerRef ? ledger.buyerUnits(drop.id, input.buyerRef) : 0);
    if (refusal) throw refusal;
    if (inventory.remaining(tier.id) < input.quantity) throw shortStockError(drop, tier, input.quantity);

    const { entry } = this.deps.poster.writePurchase(
      {
        source: input.source,
        externalId: input.externalId,
        at: now,
        quantity: input.quantity,
        amountCents: input.amountCents,
        currency: input.currency,
        origin: {
          dropId: drop.id,
          tierId: tier.id,
          touchpointId: from.touchpointId,
          linkCode: from.linkCode,
          visitorId: null,
          hold: null,
          via: from.linkCode === null ? 'none' : 'link',
        },
        buyerRef: input.buyerRef ?? null,
        buyerDisplay: input.buyerDisplay || null,
        currencyMismatch: 'refuse',
      },
      actor,
      'sale:record',
    );
    return {
      id: entry.id,
      dropId: drop.id,
      tierId: tier.id,
      quantity: entry.quantity,
      amountCents: entry.amountCents,
      currency: entry.currency,
      source: entry.source,
      externalId: entry.externalId,
      touchpoint: entry.touchpoint,
      at: now,
      duplicate: false,
    };
  }

  /**
   * A ref of a link of this drop credits that link's touchpoint (even an expired or revoked one: the
   * buyer did come through it); anything else is 'direct'. Only a live members link opens early access.
   */
  private attribute(ref: string | undefined, drop: Drop): Attribution {
    const resolution = ref ? this.deps.links.resolve(ref) : null;
    const link = resolution?.link;
    if (resolution && link && link.drop_id === drop.id) {
      const audience = this.deps.touchpoints.findById(link.touchpoint_id)?.audience;
      return {
        touchpointId: link.touchpoint_id,
        linkCode: link.code,
        members: resolution.status === 'ok' && audience === 'members',
      };
    }
    const direct = this.deps.touchpoints.findByKey('direct');
    if (!direct) throw new AppError('internal', 'The "direct" touchpoint is missing from the database.');
    return { touchpointId: direct.id, linkCode: null, members: false };
  }
}
