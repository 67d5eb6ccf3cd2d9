import { z } from 'zod';
import { Currency, Id, SafeText } from './contract/fields';
import { HoldsPolicySchema } from './drops';
import { SALE_SOURCES } from './sales';

/**
 * The ledger's ingestion half (issue 8): *posting* records money already taken — at the event's own
 * time, idempotent on (source, externalId), with or without a drop — while *admission* (`sale:record`)
 * still decides whether a manual sale may happen. Amounts are minor units of `currency`; a refund has
 * negative `amountCents` and `quantity` (migration 003's sign convention).
 */
export const LedgerEntrySchema = z.object({
  id: z.int(),
  kind: z.enum(['purchase', 'refund', 'adjustment']),
  /** When it happened at the source (epoch ms). */
  at: z.int(),
  dropId: z.int().nullable(),
  tierId: z.int().nullable(),
  touchpoint: z.string(),
  linkCode: z.string().nullable(),
  quantity: z.int(),
  amountCents: z.int(),
  currency: z.string(),
  source: z.enum(SALE_SOURCES),
  externalId: z.string(),
  /** The purchase a refund belongs to. */
  relatedEntryId: z.int().nullable(),
  /** Posted although the stock was gone. */
  oversold: z.boolean(),
  /** Posted while its drop was no longer live (a late webhook). */
  late: z.boolean(),
  /** True when (source, externalId) was posted before and nothing new was written. */
  duplicate: z.boolean(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** Manual / POS entry of money already taken (a card reader, cash): posted, never refused for stock. */
export const PostSaleSchema = z
  .object({
    source: z.enum(['manual', 'pos']),
    externalId: SafeText(1, 200, 'externalId'),
    /** When it was paid (epoch ms); now when absent. */
    at: z.int().positive().optional(),
    dropId: Id.optional(),
    tierId: Id.optional(),
    quantity: z.int().min(1).max(1000).default(1),
    amountCents: z.int().min(0).max(100_000_000),
    currency: Currency,
    /** A link code or hold ref the buyer came through. */
    ref: z.string().max(64).optional(),
    /** The code the buyer's phone showed (typed into the POS note). */
    redemptionCode: z.string().max(16).optional(),
    buyerDisplay: SafeText(0, 40, 'buyerDisplay').optional(),
  })
  .strict();
export type PostSaleInput = z.infer<typeof PostSaleSchema>;

export const RefundSchema = z
  .object({
    /** The purchase being refunded (a ledger entry id). */
    id: Id,
    /** Defaults to "manual:<purchase id>:<n>" where n counts this purchase's refunds. */
    externalId: SafeText(1, 200, 'externalId').optional(),
    /** Positive minor units to give back; the whole remaining amount when absent. */
    amountCents: z.int().min(1).max(100_000_000).optional(),
    /** Units given back; all remaining units when absent and the whole amount is refunded, else 0. */
    quantity: z.int().min(0).max(1000).optional(),
    /** Put the units back on sale; the drop's `restockOnRefund` when absent. */
    restock: z.boolean().optional(),
    at: z.int().positive().optional(),
  })
  .strict();
export type RefundInput = z.infer<typeof RefundSchema>;

export const LedgerSettingsSchema = z
  .object({
    id: Id,
    holds: HoldsPolicySchema.partial().optional(),
    restockOnRefund: z.boolean().optional(),
  })
  .strict();
export type LedgerSettingsInput = z.infer<typeof LedgerSettingsSchema>;

export const TIER_KEY_KINDS = ['sku', 'shopify_variant', 'stripe_price'] as const;
export const TierMappingSchema = z
  .object({
    tierId: Id,
    kind: z.enum(TIER_KEY_KINDS),
    value: z.string().trim().min(1).max(100),
  })
  .strict();
export type TierMappingInput = z.infer<typeof TierMappingSchema>;

export const HoldSchema = z.object({
  ref: z.string(),
  dropId: z.int(),
  tierId: z.int(),
  linkCode: z.string(),
  quantity: z.int(),
  status: z.enum(['active', 'converted', 'expired', 'released']),
  createdAt: z.int(),
  expiresAt: z.int(),
});
export type Hold = z.infer<typeof HoldSchema>;

export const WEBHOOK_SOURCES = ['stripe', 'shopify'] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];
export const WebhookCountsSchema = z.object({
  accepted: z.int(),
  duplicate: z.int(),
  ignored: z.int(),
  rejected: z.int(),
});
export const WebhookStatsSchema = z.object({
  stripe: WebhookCountsSchema.extend({ configured: z.boolean() }),
  shopify: WebhookCountsSchema.extend({ configured: z.boolean() }),
  lastRejection: z.object({ at: z.int(), source: z.enum(WEBHOOK_SOURCES), reason: z.string() }).nullable(),
});
export type WebhookStats = z.infer<typeof WebhookStatsSchema>;

/** A webhook refused (bad signature, malformed): the panel's alarm. */
export interface WebhookRejected {
  source: WebhookSource;
  reason: string;
  at: number;
}

/** CSV import of card-reader / POS exports: which column holds what (header names, as in the file). */
export const CsvMappingSchema = z
  .object({
    at: z.string().min(1).max(100),
    amount: z.string().min(1).max(100),
    currency: z.string().min(1).max(100).optional(),
    quantity: z.string().min(1).max(100).optional(),
    /** A stable id column (transaction id); without one, a hash of the whole row is the id. */
    externalId: z.string().min(1).max(100).optional(),
    /** The free-text column the cashier typed the buyer's redemption code into. */
    note: z.string().min(1).max(100).optional(),
  })
  .strict();

export const CsvImportSchema = z
  .object({
    csv: z.string().min(1).max(5_000_000),
    mapping: CsvMappingSchema,
    /** Used when the file has no currency column. */
    currency: Currency.optional(),
    /** How amounts are written: "12.50" (decimal, default) or 1250 (minor units). */
    amountFormat: z.enum(['decimal', 'minor']).default('decimal'),
    delimiter: z.enum([',', ';', '\t']).default(','),
    /** How far (seconds) a sale's time may fall outside a drop's live window and still match it. */
    windowSec: z
      .int()
      .min(0)
      .max(24 * 3600)
      .default(600),
  })
  .strict();
export type CsvImportInput = z.infer<typeof CsvImportSchema>;

export const CsvMatchSchema = z.object({
  by: z.enum(['redemption_code', 'time_amount', 'time', 'none']),
  /** 1 = certain (the buyer's own code), down to 0 (no drop found: posted without a drop). */
  confidence: z.number().min(0).max(1),
  dropId: z.int().nullable(),
  tierId: z.int().nullable(),
  linkCode: z.string().nullable(),
});
export const CsvRowSchema = z.object({
  /** 1-based line of the file (the header is line 1). */
  line: z.int(),
  ok: z.boolean(),
  error: z.string().nullable(),
  externalId: z.string().nullable(),
  at: z.int().nullable(),
  amountCents: z.int().nullable(),
  currency: z.string().nullable(),
  quantity: z.int().nullable(),
  match: CsvMatchSchema.nullable(),
  /** Already in the ledger: importing again changes nothing. */
  duplicate: z.boolean(),
});
export type CsvRow = z.infer<typeof CsvRowSchema>;
export const CsvPreviewSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(CsvRowSchema),
  errors: z.int(),
});
export type CsvPreview = z.infer<typeof CsvPreviewSchema>;
export const CsvImportResultSchema = z.object({
  posted: z.int(),
  duplicates: z.int(),
  entries: z.array(LedgerEntrySchema),
});
export type CsvImportResult = z.infer<typeof CsvImportResultSchema>;
