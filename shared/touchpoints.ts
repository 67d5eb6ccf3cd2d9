import { z } from 'zod';

/** Where a scan or a sale came from. `members` touchpoints may buy during early access. */
export const TOUCHPOINT_KINDS = [
  'stream_qr',
  'venue_qr',
  'venue_nfc',
  'creator_dm',
  'local_ad',
  'email',
  'social',
  'direct',
  'other',
] as const;
export const TouchpointKindSchema = z.enum(TOUCHPOINT_KINDS);
export type TouchpointKind = z.infer<typeof TouchpointKindSchema>;

export const TouchpointKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'touchpoint keys are 1-40 lowercase letters, digits, "-" or "_"');

export const CreateTouchpointSchema = z
  .object({
    key: TouchpointKeySchema,
    kind: TouchpointKindSchema,
    label: z.string().trim().min(1).max(80).optional(),
    /** The creator or referrer credited for this touchpoint (creator splits, attribution). */
    creator: z.string().trim().min(1).max(80).optional(),
    audience: z.enum(['public', 'members']).default('public'),
  })
  .strict();
export type CreateTouchpointInput = z.infer<typeof CreateTouchpointSchema>;

export const TouchpointSchema = z.object({
  id: z.int(),
  key: z.string(),
  kind: TouchpointKindSchema,
  label: z.string(),
  creator: z.string().nullable(),
  audience: z.enum(['public', 'members']),
  createdAt: z.int(),
});
export type Touchpoint = z.infer<typeof TouchpointSchema>;

/** utm_medium sent to the checkout for each kind. */
export const UTM_MEDIUM: Record<TouchpointKind, string> = {
  stream_qr: 'qr',
  venue_qr: 'qr',
  venue_nfc: 'nfc',
  creator_dm: 'dm',
  local_ad: 'print',
  email: 'email',
  social: 'social',
  direct: 'direct',
  other: 'referral',
};
