import { z } from 'zod';

/** One row per minute and touchpoint. `minute` is epoch ms at the start of the minute (UTC). */
export const StatsRowSchema = z.object({
  minute: z.int(),
  touchpoint: z.string(),
  clicks: z.int(),
  uniqueClicks: z.int(),
  sales: z.int(),
  units: z.int(),
  revenueCents: z.int(),
});
export type StatsRow = z.infer<typeof StatsRowSchema>;

export const StatsQuerySchema = z.object({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
});

export const DropStatsSchema = z.object({
  dropId: z.int(),
  rows: z.array(StatsRowSchema),
});
export type DropStats = z.infer<typeof DropStatsSchema>;

export const MINUTE_MS = 60_000;
export const minuteOf = (epochMs: number): number => Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
