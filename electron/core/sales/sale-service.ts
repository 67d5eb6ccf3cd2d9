import type Database from 'better-sqlite3';
import type { Drop } from '../../../shared/drops';
import type { CreateSaleInput, Sale } from '../../../shared/sales';
import { minuteOf } from '../../../shared/stats';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { DropEngine } from '../drops/drop-engine';
import { pickTier } from '../drops/drop-tiers';
import { AppError, notFound } from '../domain-error';
import type { LinkService } from '../links/link-service';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import type { InventoryRepo } from '../store/inventory-repo';
import type { LedgerRepo } from '../store/ledger-repo';
import type { StatsRepo } from '../store/stats-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';
import { capRefusal, duplicateRefusal, openRefusal, shortStockError } from './sale-rules';
import type { Actor } from '../devices/principal';

export interface SaleServiceDeps {
  db: Database.Database;
  drops: DropsRepo;
  ledger: LedgerRepo;
  inventory: InventoryRepo;
  stats: StatsRepo;
  audit: AuditRepo;
  touchpoints: TouchpointsRepo;
  links: LinkService;
  engine: DropEngine;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
}

/** Which touchpoint a sale is credited to, from the short-link code the buyer came through. */
interface Attribution {
  touchpointId: number;
  linkCode: string | null;
  /** The link is live and belongs to a members touchpoint: it may buy during early access. */
  members: boolean;
}

/**
 * Records sales. One transaction per sale: idempotency, the drop's window, the per-buyer cap, the
 * guarded stock decrement, the ledger entry, the inventory movement, the per-minute rollup and the
 * audit row all commit together or not at all. Since better-sqlite3 runs each transaction to the end
 * before the next request is looked at, concurrent sales are serialised and the last units go to
 * exactly as many buyers as there are units.
 */
export class SaleService {
  constructor(private readonly deps: SaleServiceDeps) {}

  /** The recorded sale; `duplicate: true` (nothing written) when (source, externalId) was seen before. */
  record(input: CreateSaleInput, actor: Actor): Sale {
    // A live drop whose time ran out must be ended before we judge the sale against it.
    this.deps.engine.settle(input.dropId);
    const now = this.deps.clock.now();
    const sale = this.deps.db.transaction(() => this.write(input, actor, now)).immediate();
    if (!sale.duplicate) this.announce(sale, input, actor);
    return sale;
  }

  private write(input: CreateSaleInput, actor: Actor, now: number): Sale {
    const { drops, ledger, inventory, stats, audit } = this.deps;
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
    if (!inventory.take(tier.id, input.quantity)) throw shortStockError(drop, tier, input.quantity);

    const entryId = ledger.insertPurchase({
      at: now,
      dropId: drop.id,
      tierId: tier.id,
      touchpointId: from.touchpointId,
      linkCode: from.linkCode,
      quantity: input.quantity,
      amountCents: input.amountCents,
      currency: input.currency,
      source: input.source,
      externalId: input.externalId,
      buyerRef: input.buyerRef ?? null,
      buyerDisplay: input.buyerDisplay || null,
    });
    inventory.record({
      at: now,
      dropId: drop.id,
      tierId: tier.id,
      delta: -input.quantity,
      reason: 'sale',
      ledgerEntryId: entryId,
      actor: actor.name,
    });
    stats.addSale(drop.id, minuteOf(now), from.touchpointId, 1, input.quantity, input.amountCents);
    const touchpoint = this.deps.touchpoints.findById(from.touchpointId)?.key ?? 'direct';
    audit.record({
      actor,
      action: 'sale:record',
      subjectType: 'drop',
      subjectId: drop.id,
      detail: {
        saleId: entryId,
        source: input.source,
        externalId: input.externalId,
        tierId: tier.id,
        quantity: input.quantity,
        amountCents: input.amountCents,
        touchpoint,
      },
      at: now,
    });
    return {
      id: entryId,
      dropId: drop.id,
      tierId: tier.id,
      quantity: input.quantity,
      amountCents: input.amountCents,
      currency: input.currency,
      source: input.source,
      externalId: input.externalId,
      touchpoint,
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

  /** After commit: the overlays' "just bought" line, then new counts (and sold out, when it is). */
  private announce(sale: Sale, input: CreateSaleInput, actor: Actor): void {
    try {
      this.deps.events.emit('sale:recorded', {
        dropId: sale.dropId,
        quantity: sale.quantity,
        buyerDisplay: input.buyerDisplay || null,
        at: sale.at,
      });
    } catch (error) {
      this.deps.log.error('a sale event listener failed', { saleId: sale.id, error: String(error) });
    }
    try {
      this.deps.engine.stockChanged(sale.dropId, actor);
    } catch (error) {
      // The sale is committed; the sold-out transition is re-derived on the next read or timer tick.
      this.deps.log.error('could not settle the drop after a sale', {
        dropId: sale.dropId,
        error: String(error),
      });
    }
  }
}
