import { z } from 'zod';
import { DropStateSchema } from './drops';

/**
 * The contract between the laptop and the edge relay (`edge/`). The laptop is the one record: it
 * publishes its links, drop states and visitor salts; the relay answers `/r/:code`, keeps each scan
 * durably in one of its shards and hands them back in pages, one cursor per shard.
 *
 * Every `/v1/*` request is signed: HMAC-SHA256 (hex) with the shared secret over
 * `canonicalRequest(...)`, sent with a timestamp and a random nonce. The relay refuses a signature
 * that does not match, a timestamp outside the replay window, and a nonce it has already seen.
 */
export const RELAY_HEADERS = {
  timestamp: 'x-dropdeck-timestamp',
  nonce: 'x-dropdeck-nonce',
  signature: 'x-dropdeck-signature',
} as const;

/** Requests older or newer than this (clock skew included) are refused. */
export const REPLAY_WINDOW_MS = 60_000;

/** What is signed. `path` includes the query string, exactly as sent. */
export function canonicalRequest(
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${body}`;
}

const Code = z.string().regex(/^[0-9A-Za-z]{8,32}$/);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const RelayLinkSchema = z.object({
  code: Code,
  /** The checkout URL with UTM parameters, exactly what the laptop would redirect to. */
  location: z.url({ protocol: /^https?$/ }).max(4000),
  dropId: z.int().positive(),
  expiresAt: z.int(),
  /** Once set, the relay keeps it set: a replayed or late publish cannot revive a revoked link. */
  revokedAt: z.int().nullable(),
});
export type RelayLink = z.infer<typeof RelayLinkSchema>;

export const RelayDropSchema = z.object({
  id: z.int().positive(),
  state: DropStateSchema,
  endsAt: z.int().nullable(),
  /** Versions the state: the relay ignores an update older than the one it has. */
  updatedAt: z.int(),
});
export type RelayDrop = z.infer<typeof RelayDropSchema>;

export const NextDropSchema = z.object({ title: z.string().max(200), startsAt: z.int() }).nullable();

export const RelaySaltSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** 32 random bytes, base64. */
  salt: Base64.max(64),
});

export const PublishSchema = z
  .object({
    links: z.array(RelayLinkSchema).max(5000).default([]),
    drops: z.array(RelayDropSchema).max(1000).default([]),
    /** The next scheduled drop, for sold-out/ended pages; absent leaves it as it was. */
    next: z.object({ drop: NextDropSchema, at: z.int() }).optional(),
    salts: z.array(RelaySaltSchema).max(4).default([]),
  })
  .strict();
export type PublishBody = z.input<typeof PublishSchema>;

export const SCAN_OUTCOMES = ['ok', 'sold_out', 'ended', 'unknown', 'expired', 'revoked'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

export const RelayScanSchema = z.object({
  /** Position in its shard; the cursor. */
  seq: z.int().positive(),
  /** The edge id: unique across shards and relays (time-ordered, 64 random bits). */
  id: z.string().min(8).max(64),
  /** When the edge answered it (epoch ms). */
  at: z.int(),
  code: z.string().max(64),
  via: z.enum(['qr', 'link']),
  /** 16 bytes, base64: the same hash the laptop makes for (salt of the day, ip, user agent). */
  visitorId: Base64.max(32),
  /** Under yesterday's salt during the first hour of a day; otherwise equal to visitorId. */
  previousId: Base64.max(32),
  bot: z.boolean(),
  outcome: z.enum(SCAN_OUTCOMES),
});
export type RelayScan = z.infer<typeof RelayScanSchema>;

export const ScanPageSchema = z.object({
  shard: z.int().min(0),
  scans: z.array(RelayScanSchema),
  /** Pass as `after` next time; scans up to it are deleted from the relay then. */
  cursor: z.int().min(0),
  more: z.boolean(),
});
export type ScanPage = z.infer<typeof ScanPageSchema>;

export const RelayInfoSchema = z.object({ shards: z.int().positive(), time: z.int(), batching: z.boolean() });
export type RelayInfo = z.infer<typeof RelayInfoSchema>;

/** Query of `GET /v1/scans`. */
export const PullQuerySchema = z.object({
  shard: z.coerce.number().int().min(0).max(1023),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** The laptop's view of the relay, for `/api/relay/status` and the panel (`relay:status`). */
export const RelayStatusSchema = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  /** `ok`: the last sync worked; `offline`: the relay could not be reached or refused us. */
  state: z.enum(['off', 'connecting', 'ok', 'offline']),
  shards: z.int().nullable(),
  lastSyncAt: z.int().nullable(),
  /** ms since the relay's backlog was last fully ingested; null before the first full sync. */
  lagMs: z.int().nullable(),
  lastError: z.string().nullable(),
  /** Link/drop changes not yet accepted by the relay. */
  publishPending: z.boolean(),
  ingestedScans: z.int(),
});
export type RelayStatus = z.infer<typeof RelayStatusSchema>;

/** What `/api/relay/status` says when no relay is configured. */
export const RELAY_OFF: RelayStatus = {
  configured: false,
  url: null,
  state: 'off',
  shards: null,
  lastSyncAt: null,
  lagMs: null,
  lastError: null,
  publishPending: false,
  ingestedScans: 0,
};
