import { z } from 'zod';
import { Id, QueryInt } from '../contract/fields';

/** Every formula is spelled out in docs/kpis.md and next to its query in electron/core/insights/. */
const Rate = z.number().nullable();

export const ClicksPerMinuteSchema = z.object({
  /** Minutes from the first to the last minute with a click (inclusive). */
  minutes: z.int(),
  byTouchpoint: z.array(
    z.object({ touchpoint: z.string(), clicks: z.int(), perMinute: z.number(), peak: z.int() }),
  ),
  series: z.array(z.object({ minute: z.int(), touchpoint: z.string(), clicks: z.int() })),
});

export const ConversionRowSchema = z.object({
  key: z.string(),
  visitors: z.int(),
  purchases: z.int(),
  rate: Rate,
});

export const LagSchema = z.object({
  purchases: z.int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});

export const SellThroughWindowSchema = z.object({
  from: z.int(),
  to: z.int(),
  stockAtStart: z.int(),
  restocked: z.int(),
  unitsSold: z.int(),
  sellThrough: Rate,
  cumulativeSellThrough: Rate,
});

export const CpaSchema = z.object({
  byDrop: z.array(
    z.object({
      dropId: z.int(),
      title: z.string(),
      currency: z.string(),
      costCents: z.int(),
      acquisitions: z.int(),
      cpaCents: z.int().nullable(),
    }),
  ),
  byTouchpoint: z.array(
    z.object({
      touchpoint: z.string(),
      currency: z.string(),
      costCents: z.int(),
      acquisitions: z.int(),
      cpaCents: z.int().nullable(),
    }),
  ),
  /** Costs of touchpoints nobody clicked in this show: spent, but on no drop. */
  unallocated: z.array(z.object({ currency: z.string(), costCents: z.int() })),
});

export const RevenueSchema = z.object({
  currency: z.string(),
  grossCents: z.int(),
  refundsCents: z.int(),
  adjustmentsCents: z.int(),
  netCents: z.int(),
  creatorSharesCents: z.int(),
  hostNetCents: z.int(),
});

export const ShowKpisSchema = z.object({
  showId: z.int(),
  computedAt: z.int(),
  clicksPerMinute: ClicksPerMinuteSchema,
  conversionByTouchpoint: z.array(ConversionRowSchema),
  conversionByCreator: z.array(ConversionRowSchema),
  purchaseLag: LagSchema,
  sellThrough: z.array(SellThroughWindowSchema),
  cpa: CpaSchema,
  repeatPurchase: z.object({ buyers: z.int(), repeaters: z.int(), rate: Rate }),
  repeatDrop: z.object({ priorBuyers: z.int(), returned: z.int(), rate: Rate }),
  revenue: z.array(RevenueSchema),
  households: z.object({ identified: z.int(), engaged: z.int(), rate: Rate }),
});
export type ShowKpis = z.infer<typeof ShowKpisSchema>;

export const LiveKpiQuerySchema = z
  .object({ id: Id, minutes: QueryInt(z.int().min(1).max(240)).default(15) })
  .strict();

/** What a co-host sees during the show: counts and rates, no money. */
export const LiveKpisSchema = z.object({
  showId: z.int(),
  at: z.int(),
  minutes: z.int(),
  clicksPerMinute: ClicksPerMinuteSchema,
  conversionByTouchpoint: z.array(ConversionRowSchema),
  drops: z.array(
    z.object({
      dropId: z.int(),
      title: z.string(),
      state: z.string(),
      unitsTotal: z.int(),
      unitsSold: z.int(),
      sellThrough: Rate,
    }),
  ),
});
export type LiveKpis = z.infer<typeof LiveKpisSchema>;
