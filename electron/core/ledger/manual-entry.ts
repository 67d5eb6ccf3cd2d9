import type Database from 'better-sqlite3';
import type { Drop } from '../../../shared/drops';
import type {
  LedgerEntry,
  LedgerSettingsInput,
  PostSaleInput,
  RefundInput,
  TierMappingInput,
} from '../../../shared/ledger';
import type { Clock } from '../clock';
import type { Actor } from '../devices/principal';
import { AppError, notFound } from '../domain-error';
import type { DropEngine } from '../drops/drop-engine';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import type { LedgerSettingsRepo } from '../store/ledger-settings-repo';
import type { PostingsRepo } from '../store/postings-repo';
import type { Attribution } from './attribution';
import type { LedgerPoster } from './ledger-poster';

export interface ManualEntryDeps {
  db: Database.Database;
  poster: LedgerPoster;
  attribution: Attribution;
  postings: PostingsRepo;
  drops: DropsRepo;
  settings: LedgerSettingsRepo;
  audit: AuditRepo;
  engine: Pick<DropEngine, 'get' | 'stockChanged'>;
  clock: Clock;
  /** Scans must pick up a new holds mode (the hold page, or not) at once. */
  forgetCheckout: (dropId: number) => void;
}

/** What a host or co-host enters by hand: POS / card-reader sales, refunds, and the ledger settings. */
export class ManualEntry {
  constructor(private readonly deps: ManualEntryDeps) {}

  post(input: PostSaleInput, actor: Actor): LedgerEntry {
    const { attribution } = this.deps;
    let origin =
      attribution.fromRedemptionCode(input.redemptionCode) ?? attribution.fromRef(input.ref ?? null);
    if (input.redemptionCode && origin.via !== 'redemption_code') {
      throw new AppError('not_found', `No buyer was shown the code "${input.redemptionCode}".`);
    }
    if (input.dropId !== undefined && origin.dropId !== input.dropId) {
      // The named drop wins; the ref's scan only counts when it belongs to that drop.
      origin = { ...attribution.none(), dropId: input.dropId };
    }
    if (input.tierId !== undefined) origin = { ...origin, tierId: input.tierId };
    return this.deps.poster.postPurchase(
      {
        source: input.source,
        externalId: input.externalId,
        at: input.at ?? this.deps.clock.now(),
        quantity: input.quantity,
        amountCents: input.amountCents,
        currency: input.currency,
        origin,
        buyerDisplay: input.buyerDisplay ?? null,
        currencyMismatch: 'refuse',
      },
      actor,
    );
  }

  refund(input: RefundInput, actor: Actor): LedgerEntry {
    const purchase = this.deps.postings.byId(input.id);
    if (!purchase || purchase.kind !== 'purchase') throw notFound(`Purchase ${input.id}`);
    const n = this.deps.postings.refunded(purchase.id).n;
    return this.deps.poster.postRefund(
      {
        source: 'manual',
        externalId: input.externalId ?? `refund:${purchase.id}:${n + 1}`,
        purchaseId: purchase.id,
        at: input.at ?? this.deps.clock.now(),
        amountCents: input.amountCents,
        quantity: input.quantity,
        restock: input.restock,
      },
      actor,
    );
  }

  settings(input: LedgerSettingsInput, actor: Actor): Drop {
    const { db, drops, settings, audit, clock } = this.deps;
    const now = clock.now();
    db.transaction(() => {
      const drop = drops.get(input.id);
      if (!drop) throw notFound(`Drop ${input.id}`);
      const holds = { ...drop.holds, ...input.holds };
      const restock = input.restockOnRefund ?? drop.restockOnRefund;
      settings.setPolicy(drop.id, holds, restock, now);
      audit.record({
        actor,
        action: 'drop:ledger-settings',
        subjectType: 'drop',
        subjectId: drop.id,
        detail: { holds, restockOnRefund: restock },
        at: now,
      });
    }).immediate();
    this.deps.forgetCheckout(input.id);
    const drop = this.deps.engine.stockChanged(input.id, actor);
    if (!drop) throw notFound(`Drop ${input.id}`);
    return drop;
  }

  mapTier(input: TierMappingInput, actor: Actor): TierMappingInput {
    const { db, postings, settings, audit, clock } = this.deps;
    db.transaction(() => {
      const tier = postings.tier(input.tierId);
      if (!tier) throw notFound(`Tier ${input.tierId}`);
      settings.map(input.kind, input.value, tier.id);
      audit.record({
        actor,
        action: 'tier:map',
        subjectType: 'drop',
        subjectId: tier.drop_id,
        detail: input,
        at: clock.now(),
      });
    }).immediate();
    return { tierId: input.tierId, kind: input.kind, value: input.value };
  }
}
