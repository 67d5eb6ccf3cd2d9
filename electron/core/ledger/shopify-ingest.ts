import { createHmac, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { LedgerEntry } from '../../../shared/ledger';
import { systemActor } from '../devices/principal';
import { AppError } from '../domain-error';
import { SHOPIFY_REF_ATTRIBUTE } from '../links/checkout-location';
import type { DropsRepo } from '../store/drops-repo';
import type { PostingsRepo } from '../store/postings-repo';
import type { Attribution, Origin } from './attribution';
import type { EmailHasher } from './email-hash';
import { answer, type IngestResult } from './ingest-result';
import type { LedgerPoster } from './ledger-poster';
import { toMinor } from './money';
import type { WebhookLog } from './webhook-log';

const SHOPIFY = systemActor('shopify');
const Money = z.union([z.string(), z.number()]);
/** Shopify ids are 64-bit; JSON numbers beyond 2^53 lose digits but parse the same way every time. */
const ShopifyId = z.union([z.number(), z.string().min(1).max(100)]);

/** The fields DropDeck reads from Shopify's `orders/create` and `refunds/create` payloads. */
const OrderSchema = z.object({
  id: ShopifyId,
  created_at: z.string(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
  line_items: z.array(
    z.object({
      id: ShopifyId,
      sku: z.string().nullish(),
      variant_id: ShopifyId.nullish(),
      quantity: z.int().min(1),
      price: Money,
      total_discount: Money.nullish(),
    }),
  ),
});
const RefundSchema = z.object({
  id: ShopifyId,
  order_id: ShopifyId,
  created_at: z.string(),
  refund_line_items: z.array(
    z.object({
      id: ShopifyId,
      line_item_id: ShopifyId,
      quantity: z.int().min(0),
      subtotal: Money,
      restock_type: z.string().nullish(),
    }),
  ),
  transactions: z
    .array(z.object({ amount: Money, kind: z.string().nullish(), status: z.string().nullish() }))
    .nullish(),
});

export interface ShopifyHeaders {
  hmac: string | undefined;
  topic: string | undefined;
  webhookId: string | undefined;
}

export interface ShopifyIngestDeps {
  db: Database.Database;
  /** DROPDECK_SHOPIFY_WEBHOOK_SECRET; null: the route answers 503 and writes nothing. */
  secret: string | null;
  poster: LedgerPoster;
  attribution: Attribution;
  postings: PostingsRepo;
  drops: DropsRepo;
  webhooks: WebhookLog;
  emails: EmailHasher;
}

/** HMAC-SHA256 of the raw body, base64, compared in constant time. */
export function shopifySignatureOk(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `POST /webhooks/shopify`: verified on the raw body, deduplicated on `X-Shopify-Webhook-Id`. An
 * order's code travels as the cart attribute `dropdeck_ref` (Shopify: `note_attributes`); each line
 * item is one purchase (`<order id>:<line item id>`), mapped to a tier by variant id or SKU (see
 * `tier:map`) — a line nothing maps posts without a drop, unless it is the order's only line and the
 * ref names a drop. A refund posts each refunded line against its purchase.
 */
export class ShopifyIngest {
  constructor(private readonly deps: ShopifyIngestDeps) {}

  get configured(): boolean {
    return this.deps.secret !== null;
  }

  handle(raw: Buffer, h: ShopifyHeaders): IngestResult {
    const { secret, webhooks } = this.deps;
    if (secret === null) {
      return answer(
        503,
        'unconfigured',
        'Shopify webhooks are off: set DROPDECK_SHOPIFY_WEBHOOK_SECRET and restart.',
      );
    }
    const topic = h.topic ?? null;
    const deliveryId = h.webhookId?.slice(0, 200) ?? null;
    if (!shopifySignatureOk(raw, h.hmac, secret)) {
      webhooks.reject('shopify', 'signature: HMAC does not match', topic, deliveryId);
      return answer(400, 'rejected', 'The Shopify HMAC does not verify (wrong secret or altered body).');
    }
    if (deliveryId && webhooks.seen('shopify', deliveryId)) {
      webhooks.note('shopify', 'duplicate', topic, deliveryId);
      return answer(200, 'duplicate');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      webhooks.reject('shopify', 'malformed JSON', topic, deliveryId);
      return answer(400, 'rejected', 'The body is not JSON.');
    }
    return webhooks.deliver(this.deps.db, 'shopify', { eventType: topic, deliveryId }, (after) =>
      this.dispatch(topic, body, after),
    );
  }

  private dispatch(topic: string | null, body: unknown, after: Array<() => void>): IngestResult {
    if (topic === 'orders/create') return this.order(parse(OrderSchema, body, topic), after);
    if (topic === 'refunds/create') return this.refund(parse(RefundSchema, body, topic), after);
    return answer(200, 'ignored', `topic ${String(topic)} is not used`);
  }

  private order(order: z.infer<typeof OrderSchema>, after: Array<() => void>): IngestResult {
    const { attribution, postings, poster, drops, db } = this.deps;
    const refAttr = order.note_attributes?.find((a) => a.name === SHOPIFY_REF_ATTRIBUTE)?.value;
    const origin = attribution.fromRef(typeof refAttr === 'string' ? refAttr : null);
    const at = Date.parse(order.created_at);
    if (!Number.isFinite(at)) throw new AppError('bad_request', `Order ${order.id} has no valid created_at.`);
    const emailHash = this.deps.emails.hash(order.email ?? order.contact_email);
    const posted = db
      .transaction(() =>
        order.line_items.map((line) => {
          const tierId =
            (line.variant_id != null
              ? postings.tierByKey('shopify_variant', String(line.variant_id))
              : null) ?? (line.sku ? postings.tierByKey('sku', line.sku) : null);
          const price = toMinor(line.price, order.currency);
          const discount = line.total_discount == null ? 0 : toMinor(line.total_discount, order.currency);
          if (price === null || discount === null) {
            throw new AppError('bad_request', `Order ${order.id} line ${line.id} has an unreadable price.`);
          }
          let lineOrigin: Origin = attribution.none();
          if (tierId !== null) {
            const dropId = postings.tier(tierId)?.drop_id ?? null;
            lineOrigin =
              dropId === origin.dropId ? { ...origin, tierId } : { ...attribution.none(), dropId, tierId };
          } else if (order.line_items.length === 1 && origin.dropId !== null) {
            lineOrigin = origin;
          }
          // A hold is for one tier: only the line of that tier turns it into the sale.
          if (
            lineOrigin.hold &&
            lineOrigin.hold.tier_id !== (lineOrigin.tierId ?? drops.get(lineOrigin.dropId ?? 0)?.tiers[0]?.id)
          ) {
            lineOrigin = { ...lineOrigin, hold: null };
          }
          return poster.writePurchase(
            {
              source: 'shopify',
              externalId: `${order.id}:${line.id}`,
              at,
              quantity: line.quantity,
              amountCents: price * line.quantity - discount,
              currency: order.currency,
              origin: lineOrigin,
              emailHash,
              paymentRef: String(order.id),
              currencyMismatch: 'detach',
            },
            SHOPIFY,
          );
        }),
      )
      .immediate();
    for (const { entry, dropId } of posted) {
      if (!entry.duplicate && dropId !== null)
        after.push(() => poster.announce(entry, dropId, null, SHOPIFY));
    }
    return answer(200, 'accepted');
  }

  private refund(refund: z.infer<typeof RefundSchema>, after: Array<() => void>): IngestResult {
    const { postings, poster, db } = this.deps;
    const at = Date.parse(refund.created_at);
    if (!Number.isFinite(at))
      throw new AppError('bad_request', `Refund ${refund.id} has no valid created_at.`);
    const purchases = postings.purchasesByPaymentRef('shopify', String(refund.order_id));
    if (purchases.length === 0) {
      return answer(409, 'retry', `No purchase posted yet for order ${refund.order_id}; Shopify will retry.`);
    }
    const currency = purchases[0].currency;
    const entries = db
      .transaction(() => {
        const out: Array<{ entry: LedgerEntry; dropId: number | null }> = [];
        for (const line of refund.refund_line_items) {
          const purchase = postings.byExternalId('shopify', `${refund.order_id}:${line.line_item_id}`);
          if (!purchase) continue;
          const amount = toMinor(line.subtotal, currency);
          if (amount === null)
            throw new AppError('bad_request', `Refund ${refund.id} has an unreadable subtotal.`);
          if (amount <= 0 && line.quantity === 0) continue;
          out.push(
            poster.writeRefund(
              {
                source: 'shopify',
                externalId: `refund:${refund.id}:${line.id}`,
                purchaseId: purchase.id,
                at,
                amountCents: amount,
                quantity: line.quantity,
                // Shopify says whether the shop restocked; otherwise the drop's own setting decides.
                restock: line.restock_type === 'no_restock' ? false : undefined,
              },
              SHOPIFY,
            ),
          );
        }
        // Money back without lines (shipping, goodwill): against the order's first line, no units.
        if (refund.refund_line_items.length === 0) {
          const total = (refund.transactions ?? [])
            .filter(
              (t) => (t.kind ?? 'refund') === 'refund' && t.status !== 'failure' && t.status !== 'error',
            )
            .reduce((n, t) => n + (toMinor(t.amount, currency) ?? 0), 0);
          if (total > 0) {
            out.push(
              poster.writeRefund(
                {
                  source: 'shopify',
                  externalId: `refund:${refund.id}`,
                  purchaseId: purchases[0].id,
                  at,
                  amountCents: total,
                  quantity: 0,
                },
                SHOPIFY,
              ),
            );
          }
        }
        return out;
      })
      .immediate();
    const touched = new Set(entries.filter((e) => !e.entry.duplicate).map((e) => e.dropId));
    for (const dropId of touched) if (dropId !== null) after.push(() => poster.stockChanged(dropId, SHOPIFY));
    return answer(
      200,
      entries.length > 0 ? 'accepted' : 'ignored',
      entries.length > 0 ? undefined : 'no refunded line matched',
    );
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown, topic: string): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new AppError('bad_request', `Malformed ${topic} payload.`);
  return r.data;
}
