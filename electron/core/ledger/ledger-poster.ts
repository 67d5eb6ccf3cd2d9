import type Database from 'better-sqlite3';
import type { Drop } from '../../../shared/drops';
import type { LedgerEntry } from '../../../shared/ledger';
import { minuteOf } from '../../../shared/stats';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Actor } from '../devices/principal';
import { AppError, notFound } from '../domain-error';
import type { DropEngine } from '../drops/drop-engine';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import type { HoldsRepo } from '../store/holds-repo';
import type { InventoryRepo } from '../store/inventory-repo';
import { toEntry, type EntryRow, type PostingsRepo } from '../store/postings-repo';
import type { StatsRepo } from '../store/stats-repo';
import type { Origin } from './attribution';

export interface LedgerPosterDeps {
  db: Database.Database;
  drops: DropsRepo;
  postings: PostingsRepo;
  holds: HoldsRepo;
  inventory: InventoryRepo;
  stats: StatsRepo;
  audit: AuditRepo;
  engine: Pick<DropEngine, 'settle' | 'stockChanged'>;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
}

export interface Purchase {
  source: LedgerEntry['source'];
  externalId: string;
  /** When it was paid at the source. */
  at: number;
  quantity: number;
  amountCents: number;
  currency: string;
  origin: Origin;
  emailHash?: Buffer | null;
  paymentRef?: string | null;
  buyerRef?: string | null;
  buyerDisplay?: string | null;
  /** What to do when the drop sells in another currency: a manual entry is refused, a webhook is kept. */
  currencyMismatch: 'refuse' | 'detach';
}

export interface Refund {
  source: LedgerEntry['source'];
  externalId: string;
  purchaseId: number;
  at: number;
  /** Positive minor units given back; the remaining amount when absent. */
  amountCents?: number;
  /** Units given back; see `refundUnits`. */
  quantity?: number;
  /** Put the units back on sale; the drop's setting when absent. */
  restock?: boolean;
}

/**
 * Posts money already taken. Unlike admission (`SaleService.record`) nothing here is refused for the
 * drop's window or stock: a late or out-of-order webhook is posted at the event's own time, an
 * oversold unit is flagged on the entry and counted on the tier. One transaction per posting: the
 * entry, the stock, the inventory movement, the minute rollup, the hold and the audit row.
 */
export class LedgerPoster {
  constructor(private readonly deps: LedgerPosterDeps) {}

  /** Applies a drop's overdue timed transitions, before a posting judges whether it is late. */
  settle(dropId: number): void {
    this.deps.engine.settle(dropId);
  }

  postPurchase(p: Purchase, actor: Actor): LedgerEntry {
    if (p.origin.dropId !== null) this.deps.engine.settle(p.origin.dropId);
    const { entry, dropId } = this.deps.db.transaction(() => this.writePurchase(p, actor)).immediate();
    if (!entry.duplicate && dropId !== null) this.announce(entry, dropId, p.buyerDisplay ?? null, actor);
    return entry;
  }

  /** The purchase inside the caller's transaction (CSV import posts many in one). */
  writePurchase(
    p: Purchase,
    actor: Actor,
    auditAction = 'sale:post',
  ): { entry: LedgerEntry; dropId: number | null } {
    const { drops, postings, holds, inventory, stats, audit, clock } = this.deps;
    const seen = postings.byExternalId(p.source, p.externalId);
    if (seen) return { entry: this.sameOrRefuse(seen, p), dropId: null };
    const now = clock.now();
    // Settled on read: a hold past its time no longer keeps a paid unit from being sold.
    for (const due of holds.due(now)) holds.settle(due, 'expired', now, null);

    let { dropId, tierId } = p.origin;
    let drop: Drop | null = dropId === null ? null : drops.get(dropId);
    if (dropId !== null && !drop) {
      if (p.currencyMismatch === 'refuse') throw notFound(`Drop ${dropId}`);
      dropId = tierId = null;
    }
    if (drop && p.currency !== drop.currency) {
      if (p.currencyMismatch === 'refuse') {
        throw new AppError(
          'bad_request',
          `Drop ${drop.id} sells in ${drop.currency}; this sale is in ${p.currency}.`,
        );
      }
      this.deps.log.warn('posting a sale without its drop: the currency differs', {
        dropId: drop.id,
        externalId: p.externalId,
      });
      drop = null;
      dropId = tierId = null;
    }
    if (drop) {
      const tier = tierId === null ? drop.tiers[0] : drop.tiers.find((t) => t.id === tierId);
      if (!tier) throw new AppError('bad_request', `Drop ${drop.id} has no tier ${tierId}.`);
      tierId = tier.id;
    }

    let oversoldUnits = 0;
    let converted = false;
    const hold = p.origin.hold;
    if (drop && tierId !== null) {
      // A hold still counted as held becomes the sale; an expired one no longer reserves anything.
      let fromHold = 0;
      if (hold && hold.tier_id === tierId && hold.status === 'active') {
        converted = holds.settle(hold, 'converted', now, null);
        if (converted) {
          fromHold = Math.min(hold.quantity, p.quantity);
          postings.convertHold(tierId, fromHold);
          // A hold for more than was bought gives the rest back.
          if (hold.quantity > fromHold) holds.unreserve(tierId, hold.quantity - fromHold);
        }
      }
      const rest = p.quantity - fromHold;
      if (rest > 0) {
        const tier = postings.tier(tierId);
        if (!tier) throw new AppError('internal', `Tier ${tierId} vanished while posting.`);
        oversoldUnits = postings.sell(tier, rest);
      }
    }
    const late = drop !== null && drop.state !== 'live';

    const id = postings.insert({
      at: p.at,
      kind: 'purchase',
      dropId,
      tierId,
      touchpointId: p.origin.touchpointId,
      linkCode: p.origin.linkCode,
      visitorId: p.origin.visitorId,
      emailHash: p.emailHash ?? null,
      quantity: p.quantity,
      amountCents: p.amountCents,
      currency: p.currency,
      source: p.source,
      externalId: p.externalId,
      buyerRef: p.buyerRef ?? null,
      buyerDisplay: p.buyerDisplay || null,
      relatedEntryId: null,
      oversold: oversoldUnits > 0,
      late,
      paymentRef: p.paymentRef ?? null,
      createdAt: now,
    });
    if (hold && converted) holds.linkEntry(hold.id, id);
    if (dropId !== null && tierId !== null) {
      inventory.record({
        at: p.at,
        dropId,
        tierId,
        delta: -p.quantity,
        reason: 'sale',
        ledgerEntryId: id,
        actor: actor.name,
      });
      stats.addSale(dropId, minuteOf(p.at), p.origin.touchpointId, 1, p.quantity, p.amountCents);
    }
    audit.record({
      actor,
      action: auditAction,
      subjectType: dropId === null ? 'ledger' : 'drop',
      subjectId: dropId ?? id,
      detail: {
        entryId: id,
        source: p.source,
        externalId: p.externalId,
        tierId,
        quantity: p.quantity,
        amountCents: p.amountCents,
        via: p.origin.via,
        ...(oversoldUnits > 0 ? { oversoldUnits } : {}),
        ...(late ? { late } : {}),
      },
      at: now,
    });
    const row = postings.byId(id);
    if (!row) throw new AppError('internal', `Ledger entry ${id} vanished after insert.`);
    return { entry: toEntry(row, false), dropId };
  }

  postRefund(r: Refund, actor: Actor): LedgerEntry {
    const { entry, dropId } = this.deps.db.transaction(() => this.writeRefund(r, actor)).immediate();
    if (!entry.duplicate && dropId !== null) this.stockChanged(dropId, actor);
    return entry;
  }

  /** The refund inside the caller's transaction; call `stockChanged` after commit. */
  writeRefund(r: Refund, actor: Actor): { entry: LedgerEntry; dropId: number | null } {
    const { drops, postings, inventory, stats, audit, clock } = this.deps;
    const seen = postings.byExternalId(r.source, r.externalId);
    if (seen) {
      if (seen.kind !== 'refund' || seen.related_entry_id !== r.purchaseId) {
        throw new AppError(
          'conflict',
          `The ${r.source} id "${r.externalId}" is already used by another entry.`,
        );
      }
      return { entry: toEntry(seen, true), dropId: null };
    }
    const purchase = postings.byId(r.purchaseId);
    if (!purchase || purchase.kind !== 'purchase') throw notFound(`Purchase ${r.purchaseId}`);
    const before = postings.refunded(purchase.id);
    const remaining = purchase.amount_cents - before.amount;
    const amount = r.amountCents ?? remaining;
    if (amount <= 0 || amount > remaining) {
      throw new AppError(
        'conflict',
        `Purchase ${purchase.id} has ${remaining} ${purchase.currency} cents left to refund; this refund asks for ${amount}.`,
      );
    }
    const unitsLeft = purchase.quantity - before.units;
    const units = r.quantity ?? refundUnits(purchase, amount, remaining, unitsLeft);
    if (units > unitsLeft) {
      throw new AppError(
        'conflict',
        `Purchase ${purchase.id} has ${unitsLeft} unit(s) left to refund; this refund gives back ${units}.`,
      );
    }
    const now = clock.now();
    const drop = purchase.drop_id === null ? null : drops.get(purchase.drop_id);
    const restock = units > 0 && drop !== null && (r.restock ?? drop.restockOnRefund);
    const tier = purchase.tier_id === null ? undefined : postings.tier(purchase.tier_id);
    if (restock && tier) postings.restore(tier, units);

    const id = postings.insert({
      at: r.at,
      kind: 'refund',
      dropId: purchase.drop_id,
      tierId: purchase.tier_id,
      touchpointId: purchase.touchpoint_id,
      linkCode: purchase.link_code,
      visitorId: null,
      emailHash: null,
      quantity: -units,
      amountCents: -amount,
      currency: purchase.currency,
      source: r.source,
      externalId: r.externalId,
      buyerRef: null,
      buyerDisplay: null,
      relatedEntryId: purchase.id,
      oversold: false,
      late: false,
      paymentRef: purchase.payment_ref,
      createdAt: now,
    });
    if (purchase.drop_id !== null && purchase.tier_id !== null) {
      if (restock && tier) {
        inventory.record({
          at: r.at,
          dropId: purchase.drop_id,
          tierId: purchase.tier_id,
          delta: units,
          reason: 'refund',
          ledgerEntryId: id,
          actor: actor.name,
        });
      }
      // The sale stops counting once nothing of it is left; a partial refund only lowers units and revenue.
      const closes = amount === remaining ? -1 : 0;
      stats.addSale(purchase.drop_id, minuteOf(r.at), purchase.touchpoint_id, closes, -units, -amount);
    }
    audit.record({
      actor,
      action: 'sale:refund',
      subjectType: purchase.drop_id === null ? 'ledger' : 'drop',
      subjectId: purchase.drop_id ?? purchase.id,
      detail: { entryId: id, purchaseId: purchase.id, amountCents: amount, units, restock, source: r.source },
      at: now,
    });
    const row = postings.byId(id);
    if (!row) throw new AppError('internal', `Ledger entry ${id} vanished after insert.`);
    return { entry: toEntry(row, false), dropId: purchase.drop_id };
  }

  /** A redelivery is the same purchase; an id reused for different money is a source-side bug. */
  private sameOrRefuse(seen: EntryRow, p: Purchase): LedgerEntry {
    if (seen.kind !== 'purchase' || seen.amount_cents !== p.amountCents || seen.quantity !== p.quantity) {
      throw new AppError(
        'conflict',
        `The ${p.source} id "${p.externalId}" was already posted with different details ` +
          `(${seen.kind}, quantity ${seen.quantity}, ${seen.amount_cents} ${seen.currency} cents).`,
      );
    }
    return toEntry(seen, true);
  }

  /** After commit: the overlays' "just bought" line and the new counts. */
  announce(
    entry: Pick<LedgerEntry, 'id' | 'quantity' | 'at'>,
    dropId: number,
    buyerDisplay: string | null,
    actor: Actor,
  ): void {
    try {
      this.deps.events.emit('sale:recorded', {
        dropId,
        quantity: entry.quantity,
        buyerDisplay,
        at: entry.at,
      });
    } catch (error) {
      this.deps.log.error('a sale event listener failed', { entryId: entry.id, error: String(error) });
    }
    this.stockChanged(dropId, actor);
  }

  stockChanged(dropId: number, actor: Actor): void {
    try {
      this.deps.engine.stockChanged(dropId, actor);
    } catch (error) {
      // Committed already; the drop's state is re-derived on the next read or timer tick.
      this.deps.log.error('could not settle the drop after a posting', { dropId, error: String(error) });
    }
  }
}

/**
 * Units a refund gives back when the source doesn't say: all that are left when the whole remaining
 * amount goes back, else the whole units the money covers (half of a 2-unit order is 1 unit; a
 * goodwill refund smaller than one unit's price gives back none).
 */
export function refundUnits(
  purchase: EntryRow,
  amount: number,
  remaining: number,
  unitsLeft: number,
): number {
  if (amount >= remaining) return unitsLeft;
  if (purchase.amount_cents <= 0 || purchase.quantity <= 0) return 0;
  const unitPrice = purchase.amount_cents / purchase.quantity;
  return Math.min(unitsLeft, Math.floor(amount / unitPrice));
}
