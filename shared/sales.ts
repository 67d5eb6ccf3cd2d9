import { z } from 'zod';
import { Currency, Id, SafeText } from './contract/fields';

export const SALE_SOURCES = ['manual', 'stripe', 'shopify', 'pos', 'csv'] as const;

/** A sale recorded by hand or by an integration; idempotent on (source, externalId). */
export const CreateSaleSchema = z
  .object({
    dropId: Id,
    tierId: Id.optional(),
    quantity: z.int().min(1).max(1000),
    amountCents: z.int().min(0).max(100_000_000),
    currency: Currency,
    source: z.enum(SALE_SOURCES),
    externalId: SafeText(1, 200, 'externalId'),
    /** The short-link code the buyer came through (the checkout's `ref`), for attribution. */
    ref: z.string().max(32).optional(),
    /** Opaque buyer reference (hashed e-mail, customer id) for per-buyer caps and repeat rates. */
    buyerRef: z.string().max(200).optional(),
    /** Name the buyer agreed to show on stream ("thanks, Sam!"). */
    buyerDisplay: SafeText(0, 40, 'buyerDisplay').optional(),
  })
  .strict();
export type CreateSaleInput = z.infer<typeof CreateSaleSchema>;

export const SaleSchema = z.object({
  id: z.int(),
  dropId: z.int(),
  tierId: z.int(),
  quantity: z.int(),
  amountCents: z.int(),
  currency: z.string(),
  source: z.enum(SALE_SOURCES),
  externalId: z.string(),
  touchpoint: z.string(),
  at: z.int(),
  /** True when this externalId was already recorded and nothing new was written. */
  duplicate: z.boolean(),
});
export type Sale = z.infer<typeof SaleSchema>;
