import { z } from 'zod';
import { Currency, HttpUrl, QueryInt, SafeText } from './contract/fields';
import { ObsDropActionsSchema } from './obs';

/**
 * Drop lifecycle. `draft → scheduled → live → sold_out | ended`; a restock re-opens `sold_out` to
 * `live`. The server owns the deadline: `endsAt` is epoch ms and every client renders from it.
 */
export const DROP_STATES = ['draft', 'scheduled', 'live', 'sold_out', 'ended'] as const;
export const DropStateSchema = z.enum(DROP_STATES);
export type DropState = z.infer<typeof DropStateSchema>;

/** How far ahead a drop may be scheduled: further is almost always a typo in the year. */
export const MAX_SCHEDULE_AHEAD_MS = 365 * 24 * 3600 * 1000;

export const TierInputSchema = z.object({
  name: SafeText(1, 80, 'tier name'),
  stock: z.int().min(0).max(1_000_000),
  priceCents: z.int().min(0).max(100_000_000),
  variantId: z.int().positive().optional(),
});
export type TierInput = z.infer<typeof TierInputSchema>;

export const CreateDropSchema = z
  .object({
    title: SafeText(1, 120, 'title'),
    stock: z.int().min(0).max(1_000_000),
    priceCents: z.int().min(0).max(100_000_000),
    currency: Currency,
    durationSec: z
      .int()
      .min(10)
      .max(7 * 24 * 3600),
    checkoutUrl: HttpUrl('checkoutUrl'),
    productId: z.int().positive().optional(),
    /** Extra tiers (e.g. digital-only and physical bundle); the first tier is built from stock/priceCents. */
    tiers: z.array(TierInputSchema).max(20).optional(),
    /** Minutes of members-only buying before the public opens; only `members` touchpoints may buy. */
    earlyAccessSec: z
      .int()
      .min(0)
      .max(24 * 3600)
      .default(0),
    perBuyerCap: z.int().min(1).max(1000).optional(),
    /** Rotate the on-screen QR link every N seconds (short-lived tokens); off when absent. */
    linkRotationSec: z
      .int()
      .min(30)
      .max(24 * 3600)
      .optional(),
    obsActions: ObsDropActionsSchema.optional(),
  })
  .strict();
export type CreateDropInput = z.infer<typeof CreateDropSchema>;

export const UpdateDropSchema = CreateDropSchema.omit({ stock: true, priceCents: true, tiers: true })
  .partial()
  .strict();
export type UpdateDropInput = z.infer<typeof UpdateDropSchema>;

/**
 * Stock holds (issue 8): a buyer's tap reserves a unit for `ttlSec` before an external checkout, for
 * the last `lastUnits` units or always. `perVisitor` caps the holds one visitor may take in a drop.
 */
export const HOLD_MODES = ['off', 'last_units', 'always'] as const;
export const HoldsPolicySchema = z.object({
  mode: z.enum(HOLD_MODES),
  lastUnits: z.int().min(1).max(1_000_000),
  ttlSec: z.int().min(30).max(3600),
  perVisitor: z.int().min(1).max(100),
});
export type HoldsPolicy = z.infer<typeof HoldsPolicySchema>;

export const TierSchema = z.object({
  id: z.int(),
  name: z.string(),
  priceCents: z.int(),
  stock: z.int().describe('units still available (neither sold nor held for a checkout)'),
  sold: z.int(),
  held: z.int().describe('units reserved by buyers who are in checkout'),
  variantId: z.int().nullable(),
});
export type Tier = z.infer<typeof TierSchema>;

export const DropSchema = z.object({
  id: z.int(),
  title: z.string(),
  state: DropStateSchema,
  /** Units still available across all tiers (neither sold nor held). */
  stock: z.int(),
  /** Units sold, oversold ones included. */
  sold: z.int(),
  /** Units held for buyers in checkout ("2 in checkout"). */
  held: z.int(),
  /** Units posted after the stock ran out (money already taken): for the host to sort out. */
  oversold: z.int(),
  holds: HoldsPolicySchema,
  /** Whether a refund puts its units back on sale unless the refund says otherwise. */
  restockOnRefund: z.boolean(),
  priceCents: z.int(),
  currency: z.string(),
  durationSec: z.int(),
  checkoutUrl: z.string(),
  productId: z.int().nullable(),
  tiers: z.array(TierSchema),
  earlyAccessSec: z.int(),
  perBuyerCap: z.int().nullable(),
  linkRotationSec: z.int().nullable(),
  obsActions: ObsDropActionsSchema.nullable(),
  scheduledAt: z.int().nullable(),
  startedAt: z.int().nullable(),
  /** When members-only early access ends and the public may buy (epoch ms), or null. */
  publicAt: z.int().nullable(),
  endsAt: z.int().nullable(),
  endedAt: z.int().nullable(),
  createdAt: z.int(),
  updatedAt: z.int(),
});
export type Drop = z.infer<typeof DropSchema>;

// Lifecycle command inputs; shared/contract/commands/drops.ts adds the drop's id to each.

export const ExtendDropSchema = z
  .object({
    seconds: z
      .int()
      .min(1, 'extend by at least 1 second')
      .max(24 * 3600, 'extend by at most 24 hours at a time'),
  })
  .strict();
export type ExtendDropInput = z.infer<typeof ExtendDropSchema>;

export const RestockDropSchema = z
  .object({
    units: z.int().min(1, 'restock at least 1 unit').max(1_000_000),
    /** The tier to restock; the drop's first tier when absent. */
    tierId: z.int().positive().optional(),
  })
  .strict();
export type RestockDropInput = z.infer<typeof RestockDropSchema>;

export const ScheduleDropSchema = z
  .object({
    at: z.int().positive().describe('when the drop starts by itself (epoch ms); must be in the future'),
  })
  .strict();
export type ScheduleDropInput = z.infer<typeof ScheduleDropSchema>;

export const CalendarQuerySchema = z.object({
  /** Epoch ms; defaults to now. */
  from: QueryInt(z.int().min(0)).optional(),
  /** Epoch ms, exclusive; defaults to 30 days after `from`. */
  to: QueryInt(z.int().min(0)).optional(),
  /** IANA zone the days are cut in (e.g. "Europe/Berlin"); defaults to this machine's. */
  timeZone: z.string().min(1).max(64).optional(),
});
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;

export const CalendarDaySchema = z.object({
  /** Local date in `timeZone`, YYYY-MM-DD. */
  date: z.string(),
  /** Scheduled drops starting that day, soonest first. */
  drops: z.array(DropSchema),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarSchema = z.object({
  from: z.int(),
  to: z.int(),
  timeZone: z.string(),
  days: z.array(CalendarDaySchema),
});
export type Calendar = z.infer<typeof CalendarSchema>;
