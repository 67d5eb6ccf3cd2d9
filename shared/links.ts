import { z } from 'zod';
import { TouchpointKeySchema } from './touchpoints';

export const DEFAULT_LINK_TTL_SEC = 48 * 3600;

export const CreateLinkSchema = z
  .object({
    touchpoint: TouchpointKeySchema,
    ttlSec: z
      .int()
      .min(60)
      .max(90 * 24 * 3600)
      .optional(),
  })
  .strict();
export type CreateLinkInput = z.infer<typeof CreateLinkSchema>;

export const LinkSchema = z.object({
  code: z.string(),
  /** The plain link, for DMs, emails and posts. */
  url: z.string(),
  /** The QR payload: the same link marked as a scan (`?s=qr`). */
  qrUrl: z.string(),
  dropId: z.int(),
  touchpoint: z.string(),
  createdAt: z.int(),
  expiresAt: z.int(),
  revokedAt: z.int().nullable(),
});
export type Link = z.infer<typeof LinkSchema>;

export const LinkCodeSchema = z.string().regex(/^[0-9A-Za-z]{8,32}$/, 'not a DropDeck link code');
