import { z } from 'zod';
import { Id } from '../contract/fields';

/** Attribution models (issue 8). Credits are derived from clicks and ledger entries, never stored as truth. */
export const ATTRIBUTION_MODELS = ['last_touch', 'first_touch', 'linear', 'time_decay'] as const;
export const AttributionModelSchema = z.enum(ATTRIBUTION_MODELS);
export type AttributionModel = z.infer<typeof AttributionModelSchema>;

/** Time decay: a touch this long before the purchase counts half as much as one at the purchase. */
export const TIME_DECAY_HALF_LIFE_MS = 60 * 60_000;
/** Clicks older than this before a purchase are not part of its journey. */
export const JOURNEY_LOOKBACK_MS = 30 * 24 * 3600_000;

export const AttributionQuerySchema = z
  .object({
    show: Id,
    /** One model, or `all` for every model side by side. */
    model: z.enum([...ATTRIBUTION_MODELS, 'all']).default('last_touch'),
  })
  .strict();

export const AttributionRowSchema = z.object({
  touchpoint: z.string(),
  label: z.string(),
  creator: z.string().nullable(),
  currency: z.string(),
  /** Purchases credited (fractional under linear and time decay). */
  conversions: z.number(),
  /** Net revenue credited (purchases less refunds), in cents. */
  revenueCents: z.int(),
});
export type AttributionRow = z.infer<typeof AttributionRowSchema>;

export const AttributionSchema = z.object({
  showId: z.int(),
  halfLifeMinutes: z.number(),
  rebuiltAt: z.int(),
  /** Ledger entries credited. */
  entries: z.int(),
  models: z.array(z.object({ model: AttributionModelSchema, rows: z.array(AttributionRowSchema) })),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const RebuildSchema = z
  .object({ show: Id.optional(), dropId: Id.optional() })
  .strict()
  .refine((r) => (r.show === undefined) !== (r.dropId === undefined), {
    message: 'give exactly one of show or dropId',
  });

export const AttributionRebuildSchema = z.object({ show: Id }).strict();
export const AttributionRebuiltSchema = z.object({ showId: z.int(), entries: z.int(), rebuiltAt: z.int() });

export const StatsRebuiltSchema = z.object({
  dropIds: z.array(z.int()),
  /** minute × touchpoint rows written. */
  rows: z.int(),
});
