import { z } from 'zod';
import { Id, SafeText } from '../contract/fields';

/** The host's share: what the creators' percentages leave. */
export const HOST_PARTY = '(host)';

export const SplitShareSchema = z.object({
  creator: z.string(),
  basisPoints: z.int(),
  cents: z.int(),
});

/** One scope's split: a drop with its own split, or the show-wide split for the other drops. */
export const SplitScopeSchema = z.object({
  scope: z.string(),
  dropId: z.int().nullable(),
  currency: z.string(),
  netCents: z.int(),
  shares: z.array(SplitShareSchema),
});
export type SplitScope = z.infer<typeof SplitScopeSchema>;

export const StatementQuerySchema = z.object({ id: Id, creator: SafeText(1, 80, 'creator') }).strict();

export const StatementEntrySchema = z.object({
  id: z.int(),
  at: z.int(),
  kind: z.string(),
  dropId: z.int().nullable(),
  quantity: z.int(),
  amountCents: z.int(),
  currency: z.string(),
  source: z.string(),
  externalId: z.string(),
});

export const StatementSchema = z.object({
  showId: z.int(),
  creator: z.string(),
  totals: z.array(z.object({ currency: z.string(), cents: z.int() })),
  scopes: z.array(
    SplitScopeSchema.extend({
      basisPoints: z.int(),
      shareCents: z.int(),
      entries: z.array(StatementEntrySchema),
    }),
  ),
});
export type Statement = z.infer<typeof StatementSchema>;
