import { z } from 'zod';
import { SafeText } from './contract/fields';

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
    label: SafeText(1, 80, 'label').optional(),
    /** The creator or referrer credited for this touchpoint (creator splits, attribution). */
    creator: SafeText(1, 80, 'creator').optional(),
    audience: z.enum(['public', 'members']).default('public'),
    /**
     * Shown on stream: public overlay pages may display this touchpoint's QR. Never for members or
     * creator touchpoints, whose links must not reach the whole audience.
     */
    onStream: z.boolean().default(false),
  })
  .strict()
  .refine((t) => !t.onStream || (t.audience === 'public' && t.creator === undefined), {
    message: 'only public touchpoints without a creator can be shown on stream',
    path: ['onStream'],
  });
export type CreateTouchpointInput = z.infer<typeof CreateTouchpointSchema>;

/** PATCH /api/touchpoints/:key. */
export const UpdateTouchpointSchema = z
  .object({
    label: SafeText(1, 80, 'label').optional(),
    creator: SafeText(1, 80, 'creator').nullable().optional(),
    onStream: z.boolean().optional(),
  })
  .strict();
export type UpdateTouchpointInput = z.infer<typeof UpdateTouchpointSchema>;

export const TouchpointSchema = z.object({
  id: z.int(),
  key: z.string(),
  kind: TouchpointKindSchema,
  label: z.string(),
  creator: z.string().nullable(),
  audience: z.enum(['public', 'members']),
  onStream: z.boolean(),
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
