import { z } from 'zod';
import { QueryInt } from './contract/fields';

/** One row per minute and touchpoint. `minute` is epoch ms at the start of the minute (UTC). */
export const StatsRowSchema = z.object({
  minute: z.int(),
  touchpoint: z.string(),
  /** Human clicks (bots excluded), QR scans included. */
  clicks: z.int(),
  /** First click of a visitor on a link within an hour. */
  uniqueClicks: z.int(),
  /** The part of `clicks` that came from scanning a QR code. */
  qrScans: z.int(),
  /** Link previewers and crawlers: shown apart, never in the KPIs. */
  botClicks: z.int(),
  sales: z.int(),
  units: z.int(),
  revenueCents: z.int(),
});
export type StatsRow = z.infer<typeof StatsRowSchema>;

export const StatsQuerySchema = z.object({
  from: QueryInt(z.int().min(0)).optional(),
  to: QueryInt(z.int().min(0)).optional(),
});

export const DropStatsSchema = z.object({
  dropId: z.int(),
  rows: z.array(StatsRowSchema),
});
export type DropStats = z.infer<typeof DropStatsSchema>;

export const MINUTE_MS = 60_000;
export const minuteOf = (epochMs: number): number => Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
