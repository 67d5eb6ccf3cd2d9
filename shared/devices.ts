import { z } from 'zod';
import { ROLES } from './contract/access';
import { SafeText } from './contract/fields';

export const RoleSchema = z.enum(ROLES);

/** How long a pairing QR (or the start-up login link) stays usable. */
export const PAIRING_TTL_MS = 5 * 60_000;

/** Pairing codes are typed on a phone at worst: unambiguous capitals and digits, no 0/O or 1/I. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PairingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{10}$/, 'a pairing code is 10 letters and digits');

export const CreatePairingSchema = z
  .object({
    /** What the paired device may do; co-host unless the host says otherwise. */
    role: RoleSchema.default('cohost'),
  })
  .strict();

export const PairingSchema = z.object({
  code: z.string(),
  role: RoleSchema,
  /** What the QR encodes: the panel on the LAN address with the code in the fragment (never sent). */
  url: z.string(),
  expiresAt: z.int(),
});
export type Pairing = z.infer<typeof PairingSchema>;

export const DeviceSchema = z.object({
  id: z.int(),
  name: z.string(),
  role: RoleSchema,
  createdAt: z.int(),
  lastSeenAt: z.int().nullable(),
  revokedAt: z.int().nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const DeviceNameSchema = SafeText(1, 60, 'device name');

export const PairDeviceSchema = z.object({ code: PairingCodeSchema, name: DeviceNameSchema }).strict();

export const PairedDeviceSchema = z.object({
  /** Shown once; the core keeps only its hash. Send it as `Authorization: Bearer <token>`. */
  token: z.string(),
  device: DeviceSchema,
});
export type PairedDevice = z.infer<typeof PairedDeviceSchema>;

/** Who is calling: the host token, or a paired device. */
export const WhoAmISchema = z.object({
  name: z.string(),
  role: RoleSchema,
  deviceId: z.int().nullable(),
});
export type WhoAmI = z.infer<typeof WhoAmISchema>;

export const AuditEntrySchema = z.object({
  id: z.int(),
  at: z.int(),
  /** The device's name (or `host`, `system`, `obs`…) when the action happened. */
  actor: z.string(),
  deviceId: z.int().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
