import type Database from 'better-sqlite3';
import Stripe from 'stripe';
import { z } from 'zod';
import type { Clock } from '../clock';
import { systemActor } from '../devices/principal';
import { AppError } from '../domain-error';
import type { PostingsRepo } from '../store/postings-repo';
import type { Attribution, Origin } from './attribution';
import type { EmailHasher } from './email-hash';
import type { HoldService } from './hold-service';
import { answer, type IngestResult } from './ingest-result';
import type { LedgerPoster, Refund } from './ledger-poster';
import type { WebhookLog } from './webhook-log';

const STRIPE = systemActor('stripe');

/** The fields DropDeck reads, following Stripe's published object shapes; the rest is ignored. */
const EventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(100),
  created: z.int().positive(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
const SessionSchema = z.object({
  id: z.string().min(1).max(255),
  client_reference_id: z.string().max(200).nullish(),
  amount_total: z.int().min(0).nullish(),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/)
    .nullish(),
  payment_status: z.string().nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  customer_details: z.object({ email: z.string().nullish() }).nullish(),
  customer_email: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
const ChargeSchema = z.object({
  id: z.string().min(1).max(255),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  amount_refunded: z.int().min(0),
  refunds: z
    .object({
      data: z.array(
        z.object({
          id: z.string().min(1),
          amount: z.int().min(0),
          created: z.int().positive(),
          status: z.string().nullish(),
        }),
      ),
    })
    .nullish(),
});

export interface StripeIngestDeps {
  db: Database.Database;
  /** DROPDECK_STRIPE_WEBHOOK_SECRET; null: the route answers 503 and writes nothing. */
  secret: string | null;
  poster: LedgerPoster;
  attribution: Attribution;
  holds: HoldService;
  postings: PostingsRepo;
  webhooks: WebhookLog;
  emails: EmailHasher;
  clock: Clock;
}

/**
 * `POST /webhooks/stripe`. Verified with the official library on the raw body (its default timestamp
 * tolerance, measured against DropDeck's clock), then: `checkout.session.completed` (and
 * `async_payment_succeeded`) posts the purchase, joined to its scan through `client_reference_id`
 * (a hold ref or a link code); `checkout.session.expired` gives the hold back; `charge.refunded`
 * posts each refund once. Redeliveries are answered 200 and change nothing.
 */
export class StripeIngest {
  constructor(private readonly deps: StripeIngestDeps) {}

  get configured(): boolean {
    return this.deps.secret !== null;
  }

  handle(raw: Buffer, signature: string | undefined): IngestResult {
    const { secret, webhooks } = this.deps;
    if (secret === null) {
      return answer(
        503,
        'unconfigured',
        'Stripe webhooks are off: set DROPDECK_STRIPE_WEBHOOK_SECRET and restart.',
      );
    }
    let parsed: unknown;
    try {
      parsed = Stripe.webhooks.constructEvent(
        raw,
        signature ?? '',
        secret,
        undefined,
        undefined,
        this.deps.clock.now(),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      webhooks.reject('stripe', `signature: ${reason}`);
      return answer(
        400,
        'rejected',
        'The Stripe signature does not verify (wrong secret, altered body, or too old).',
      );
    }
    const event = EventSchema.safeParse(parsed);
    if (!event.success) {
      webhooks.reject('stripe', 'malformed event');
      return answer(400, 'rejected', 'Not a Stripe event.');
    }
    const { id, type } = event.data;
    if (webhooks.seen('stripe', id)) {
      webhooks.note('stripe', 'duplicate', type, id);
      return answer(200, 'duplicate');
    }
    // A checkout's drop may owe a timed transition (its end): settle it before judging the sale.
    const ref = SessionSchema.safeParse(event.data.data.object).data?.client_reference_id;
    const origin = event.data.type.startsWith('checkout.session.')
      ? this.deps.attribution.fromRef(ref)
      : null;
    if (origin?.dropId != null) this.deps.poster.settle(origin.dropId);
    return webhooks.deliver(this.deps.db, 'stripe', { eventType: type, deliveryId: id }, (after) =>
      this.dispatch(event.data, origin, after),
    );
  }

  private dispatch(
    event: z.infer<typeof EventSchema>,
    origin: Origin | null,
    after: Array<() => void>,
  ): IngestResult {
    const at = event.created * 1000;
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return this.completed(this.parse(SessionSchema, event), origin, at, after);
      case 'checkout.session.expired': {
        const session = this.parse(SessionSchema, event);
        const ref = session.client_reference_id;
        const released = ref ? this.deps.holds.release(ref) : false;
        return answer(200, released ? 'accepted' : 'ignored', released ? undefined : 'no active hold');
      }
      case 'charge.refunded':
        return this.refunded(this.parse(ChargeSchema, event), at, after);
      default:
        return answer(200, 'ignored', `event type ${event.type} is not used`);
    }
  }

  private completed(
    session: z.infer<typeof SessionSchema>,
    origin: Origin | null,
    at: number,
    after: Array<() => void>,
  ): IngestResult {
    // Delayed payment methods complete the session unpaid; `async_payment_succeeded` follows.
    if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required') {
      return answer(200, 'ignored', `payment_status ${String(session.payment_status)}`);
    }
    if (session.amount_total == null || !session.currency) {
      throw new AppError('bad_request', `Checkout session ${session.id} has no amount_total or currency.`);
    }
    const from = origin ?? this.deps.attribution.fromRef(session.client_reference_id);
    const quantity = from.hold?.quantity ?? quantityOf(session.metadata?.quantity);
    const { entry, dropId } = this.deps.poster.writePurchase(
      {
        source: 'stripe',
        externalId: session.id,
        at,
        quantity,
        amountCents: session.amount_total,
        currency: session.currency.toUpperCase(),
        origin: from,
        emailHash: this.deps.emails.hash(session.customer_details?.email ?? session.customer_email),
        paymentRef: idOf(session.payment_intent),
        currencyMismatch: 'detach',
      },
      STRIPE,
    );
    if (!entry.duplicate && dropId !== null)
      after.push(() => this.deps.poster.announce(entry, dropId, null, STRIPE));
    return answer(200, entry.duplicate ? 'duplicate' : 'accepted');
  }

  private refunded(charge: z.infer<typeof ChargeSchema>, at: number, after: Array<() => void>): IngestResult {
    const pi = idOf(charge.payment_intent);
    const purchase = pi ? this.deps.postings.purchasesByPaymentRef('stripe', pi)[0] : undefined;
    if (!purchase) {
      // Out of order (the refund overtook its purchase): a non-2xx makes Stripe deliver it again later.
      return answer(409, 'retry', `No purchase posted yet for payment ${pi ?? '(none)'}; Stripe will retry.`);
    }
    const refunds = (charge.refunds?.data ?? []).filter(
      (r) => r.status !== 'failed' && r.status !== 'canceled',
    );
    if (refunds.length > 0) {
      for (const r of refunds) {
        if (this.deps.postings.byExternalId('stripe', r.id)) continue;
        this.deps.poster.postRefund(
          {
            source: 'stripe',
            externalId: r.id,
            purchaseId: purchase.id,
            at: r.created * 1000,
            amountCents: r.amount,
          },
          STRIPE,
        );
      }
      return answer(200, 'accepted');
    }
    // Newer API versions leave `refunds` out of the charge: post the difference to what we have.
    const already = this.deps.postings.refunded(purchase.id).amount;
    const delta = charge.amount_refunded - already;
    if (delta <= 0) return answer(200, 'ignored', 'nothing new refunded');
    this.writeRefund(
      {
        source: 'stripe',
        externalId: `${charge.id}:refunded:${charge.amount_refunded}`,
        purchaseId: purchase.id,
        at,
        amountCents: delta,
      },
      after,
    );
    return answer(200, 'accepted');
  }

  private writeRefund(refund: Refund, after: Array<() => void>): void {
    const { entry, dropId } = this.deps.poster.writeRefund(refund, STRIPE);
    if (!entry.duplicate && dropId !== null) after.push(() => this.deps.poster.stockChanged(dropId, STRIPE));
  }

  private parse<T extends z.ZodType>(schema: T, event: z.infer<typeof EventSchema>): z.infer<T> {
    const r = schema.safeParse(event.data.object);
    if (!r.success) throw new AppError('bad_request', `Malformed ${event.type} event ${event.id}.`);
    return r.data;
  }
}

const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === 'string' ? v : v.id;

function quantityOf(v: string | undefined): number {
  const n = v === undefined ? 1 : Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}
