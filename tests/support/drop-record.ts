import type { Drop } from '../../shared/drops';

/**
 * A complete `Drop` as the API returns it, for unit tests of code that only reads drops (tray, panel
 * state, OBS plans, the chat announcer). A draft with round numbers; tests override what they need.
 */
export function dropRecord(over: Partial<Drop> = {}): Drop {
  return {
    id: 1,
    title: 'Glow mug',
    state: 'draft',
    stock: 10,
    sold: 0,
    held: 0,
    oversold: 0,
    holds: { mode: 'off', lastUnits: 3, ttlSec: 300, perVisitor: 1 },
    restockOnRefund: true,
    priceCents: 2500,
    currency: 'EUR',
    durationSec: 300,
    checkoutUrl: 'https://shop.example.com/checkout',
    productId: null,
    tiers: [],
    earlyAccessSec: 0,
    perBuyerCap: null,
    linkRotationSec: null,
    obsActions: null,
    scheduledAt: null,
    startedAt: null,
    publicAt: null,
    endsAt: null,
    endedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}
