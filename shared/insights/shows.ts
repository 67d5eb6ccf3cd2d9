import { z } from 'zod';
import { Currency, Id, SafeText } from '../contract/fields';
import { TouchpointKeySchema } from '../touchpoints';

const EpochMs = z.int().min(0).max(8_640_000_000_000_000);

const windowIsOrdered = (s: { startsAt?: number | null; endsAt?: number | null }): boolean =>
  s.startsAt == null || s.endsAt == null || s.endsAt > s.startsAt;
const WINDOW_MESSAGE = { message: 'endsAt must be after startsAt', path: ['endsAt'] };

/** One pop-up night or one stream: groups drops, touchpoint costs and creator splits. */
export const CreateShowSchema = z
  .object({
    name: SafeText(1, 120, 'name'),
    /** Optional window: ledger entries that belong to no drop are counted in the show they fall in. */
    startsAt: EpochMs.nullable().optional(),
    endsAt: EpochMs.nullable().optional(),
  })
  .strict()
  .refine(windowIsOrdered, WINDOW_MESSAGE);
export type CreateShowInput = z.infer<typeof CreateShowSchema>;

export const UpdateShowSchema = z
  .object({
    id: Id,
    name: SafeText(1, 120, 'name').optional(),
    startsAt: EpochMs.nullable().optional(),
    endsAt: EpochMs.nullable().optional(),
  })
  .strict();
export type UpdateShowInput = z.infer<typeof UpdateShowSchema>;

export const ShowCostInputSchema = z
  .object({
    id: Id,
    touchpoint: TouchpointKeySchema,
    amountCents: z.int().min(0).max(100_000_000),
    currency: Currency,
    note: SafeText(0, 200, 'note').optional(),
  })
  .strict();
export type ShowCostInput = z.infer<typeof ShowCostInputSchema>;

/** Percentages with at most two decimals (stored as basis points: 12.5 % → 1250). */
const Percent = z
  .number()
  .gt(0, 'percent must be more than 0')
  .max(100, 'percent can be at most 100')
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'percent takes at most two decimals');

export const SetSplitsSchema = z
  .object({
    id: Id,
    /** A drop of this show with its own split; absent: the show-wide split. */
    dropId: Id.optional(),
    /** Empty removes the split. What the shares leave below 100 % stays the host's. */
    splits: z.array(z.object({ creator: SafeText(1, 80, 'creator'), percent: Percent }).strict()).max(20),
  })
  .strict()
  .refine((s) => new Set(s.splits.map((x) => x.creator)).size === s.splits.length, {
    message: 'each creator may appear once',
    path: ['splits'],
  })
  .refine((s) => s.splits.reduce((n, x) => n + Math.round(x.percent * 100), 0) <= 10_000, {
    message: 'shares add up to more than 100 %',
    path: ['splits'],
  });
export type SetSplitsInput = z.infer<typeof SetSplitsSchema>;

export const ShowSchema = z.object({
  id: z.int(),
  name: z.string(),
  startsAt: z.int().nullable(),
  endsAt: z.int().nullable(),
  createdAt: z.int(),
  dropIds: z.array(z.int()),
  costs: z.array(
    z.object({
      touchpoint: z.string(),
      amountCents: z.int(),
      currency: z.string(),
      note: z.string().nullable(),
    }),
  ),
  splits: z.array(
    z.object({
      dropId: z.int().nullable(),
      creator: z.string(),
      basisPoints: z.int(),
      percent: z.number(),
    }),
  ),
});
export type Show = z.infer<typeof ShowSchema>;
