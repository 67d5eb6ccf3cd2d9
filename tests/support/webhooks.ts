import { createHmac, randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export const STRIPE_SECRET = 'whsec_test_0123456789abcdef0123456789abcdef';
export const SHOPIFY_SECRET = 'shpss_test_0123456789abcdef';
export const WEBHOOK_ENV = {
  DROPDECK_STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
  DROPDECK_SHOPIFY_WEBHOOK_SECRET: SHOPIFY_SECRET,
};

const rid = (prefix: string): string => `${prefix}_test_${randomBytes(12).toString('hex')}`;

/** A Stripe event envelope as Stripe publishes it (https://docs.stripe.com/api/events/object). */
export function stripeEvent(type: string, object: Record<string, unknown>, createdMs: number) {
  return {
    id: rid('evt'),
    object: 'event',
    api_version: '2025-09-30.clover',
    created: Math.floor(createdMs / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** A paid Checkout Session (https://docs.stripe.com/api/checkout/sessions/object), trimmed to the usual fields. */
export function checkoutSession(over: Record<string, unknown> = {}, createdMs = Date.now()) {
  return {
    id: rid('cs'),
    object: 'checkout.session',
    amount_subtotal: 2500,
    amount_total: 2500,
    currency: 'eur',
    client_reference_id: null,
    customer_details: { email: 'Sam@Example.com', name: 'Sam' },
    customer_email: null,
    livemode: false,
    metadata: {},
    mode: 'payment',
    payment_intent: rid('pi'),
    payment_status: 'paid',
    status: 'complete',
    created: Math.floor(createdMs / 1000),
    ...over,
  };
}

/** A refunded Charge with its refunds list (https://docs.stripe.com/api/charges/object). */
export function refundedCharge(
  paymentIntent: string,
  amount: number,
  refunds: Array<{ id: string; amount: number; createdMs: number }>,
) {
  const refunded = refunds.reduce((n, r) => n + r.amount, 0);
  return {
    id: rid('ch'),
    object: 'charge',
    amount,
    amount_refunded: refunded,
    currency: 'eur',
    payment_intent: paymentIntent,
    refunded: refunded >= amount,
    refunds: {
      object: 'list',
      has_more: false,
      data: refunds.map((r) => ({
        id: r.id,
        object: 'refund',
        amount: r.amount,
        created: Math.floor(r.createdMs / 1000),
        currency: 'eur',
        payment_intent: paymentIntent,
        status: 'succeeded',
      })),
    },
  };
}

/** Signs like Stripe does, with the `stripe` package's own helper. */
export function stripeSignature(payload: string, nowMs: number, secret = STRIPE_SECRET): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(nowMs / 1000) });
}

export function postStripe(baseUrl: string, payload: string, signature: string): Promise<Response> {
  return fetch(`${baseUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
}

export function shopifyHmac(payload: string, secret = SHOPIFY_SECRET): string {
  return createHmac('sha256', secret).update(payload).digest('base64');
}

export function postShopify(
  baseUrl: string,
  topic: string,
  payload: string,
  opts: { hmac?: string; webhookId?: string } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': opts.hmac ?? shopifyHmac(payload),
      'x-shopify-webhook-id': opts.webhookId ?? randomBytes(8).toString('hex'),
      'x-shopify-shop-domain': 'glow.myshopify.com',
    },
    body: payload,
  });
}
