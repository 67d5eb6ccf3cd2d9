import { z } from 'zod';
import type { BridgeStatus, ModeratedChatMessage } from './chat-events';
import type { CommandEvents } from './contract';
import type { Drop } from './drops';
import type { WebhookRejected } from './ledger';
import type { ObsStatus } from './obs';
import type { RelayStatus } from './relay';
import type { Result } from './result';
import type { StatsRow } from './stats';

/**
 * The realtime hub's contract (socket.io). Two namespaces:
 * - `/overlay`: read-only, no auth (OBS browser sources, viewer pages). Public drop state only.
 * - `/control`: control panel and co-host phones; `auth: {token}` in the handshake.
 * On connect each client gets `state:init` (a full snapshot), then patches.
 */
export const HUB_NAMESPACES = { overlay: '/overlay', control: '/control' } as const;

export interface LinkState {
  dropId: number;
  touchpoint: string;
  code: string;
  url: string;
  qrUrl: string;
  expiresAt: number;
}

export interface RecentSale {
  dropId: number;
  quantity: number;
  /** The recognition line's name, only when the buyer agreed to be shown. */
  buyerDisplay: string | null;
  at: number;
}

export interface StateSnapshot {
  serverTime: number;
  drops: Drop[];
  recentSales: RecentSale[];
  /** Control namespace only. */
  obs?: ObsStatus;
  /** Control namespace only: whether scans reach the store (an alarm while degraded). */
  store?: StoreHealth;
  /** Control namespace only: the edge relay, when one is configured. */
  relay?: RelayStatus;
}

/**
 * Whether scans reach the store. `degraded`: writes fail; viewers still get their checkout, and the
 * scans wait in memory (`pendingScans`, bounded: past it `droppedScans` counts what was lost) for a
 * retry. The panel shows an alarm until `ok` comes back.
 */
export interface StoreHealth {
  state: 'ok' | 'degraded';
  pendingScans: number;
  /** When writes started failing (epoch ms); null while ok. */
  since: number | null;
  lastError: string | null;
  droppedScans: number;
}

export interface StatsPatch {
  dropId: number;
  rows: StatsRow[];
}

export interface ServerToClientEvents {
  'state:init': (snapshot: StateSnapshot) => void;
  'drop:updated': (drop: Drop) => void;
  'sale:recorded': (sale: RecentSale) => void;
  'stats:updated': (patch: StatsPatch) => void;
  'link:rotated': (link: LinkState) => void;
  'obs:status': (status: ObsStatus) => void;
  'obs:health': (health: StreamHealth) => void;
  'obs:action-failed': (failure: ObsActionFailure) => void;
  /** A Stripe/Shopify webhook was refused (bad signature, malformed): control namespace only. */
  'webhook:rejected': (rejection: WebhookRejected) => void;
  /** This device was revoked: sent just before the hub drops the socket, so the page can say why. */
  'session:revoked': (info: { message: string }) => void;
  'store:health': (health: StoreHealth) => void;
  'relay:status': (status: RelayStatus) => void;
  /** Chat moderation view: every stored message with its sender key, deletions, bridge states. */
  'chat:message': (message: ModeratedChatMessage) => void;
  'chat:deleted': (info: { id: number }) => void;
  'chat:bridge-status': (status: BridgeStatus) => void;
}

export type Ack<T> = (result: Result<T>) => void;

/** The hub's own requests, on both namespaces. */
export interface HubRequestEvents {
  /** NTP-style clock sync: the ack carries the server's clock when it handled the ping. */
  'clock:ping': (clientSentAt: number, ack: (serverTime: number) => void) => void;
  /** Overlay namespace: the current link of an on-stream touchpoint, for the QR. */
  'link:current': (req: { dropId: number; touchpoint: string }, ack: Ack<LinkState>) => void;
}

/**
 * `/control`: every command of the contract (shared/contract) as an event of the same name, with the
 * same input and a `Result` of its output in the ack — plus clock sync.
 */
export type ClientToServerEvents = CommandEvents & Pick<HubRequestEvents, 'clock:ping'>;

/**
 * What the public `/overlay` namespace may see of a drop: state, stock and timing. Never the checkout
 * URL (scans must go through tracked short links), OBS actions, buyer caps or tier variants.
 */
export type PublicDrop = Pick<
  Drop,
  | 'id'
  | 'title'
  | 'state'
  | 'stock'
  | 'sold'
  | 'held'
  | 'priceCents'
  | 'currency'
  | 'durationSec'
  | 'scheduledAt'
  | 'startedAt'
  | 'publicAt'
  | 'endsAt'
  | 'endedAt'
  | 'updatedAt'
>;

/** Field by field, so a new private field on Drop can never leak to overlays by accident. */
export function toPublicDrop(d: Drop): PublicDrop {
  return {
    id: d.id,
    title: d.title,
    state: d.state,
    stock: d.stock,
    sold: d.sold,
    held: d.held,
    priceCents: d.priceCents,
    currency: d.currency,
    durationSec: d.durationSec,
    scheduledAt: d.scheduledAt,
    startedAt: d.startedAt,
    publicAt: d.publicAt,
    endsAt: d.endsAt,
    endedAt: d.endedAt,
    updatedAt: d.updatedAt,
  };
}

export interface OverlaySnapshot {
  serverTime: number;
  drops: PublicDrop[];
  recentSales: RecentSale[];
}

/** `/overlay` gets public drop state, buyers' recognition lines and QR link changes; no stats, no OBS. */
export interface OverlayServerToClientEvents {
  'state:init': (snapshot: OverlaySnapshot) => void;
  'drop:updated': (drop: PublicDrop) => void;
  'sale:recorded': (sale: RecentSale) => void;
  'link:rotated': (link: LinkState) => void;
}

/** Overlays may only sync their clock and ask for a QR link; drop commands need `/control`. */
export type OverlayClientToServerEvents = HubRequestEvents;

/**
 * `/overlay` handshake `auth`: `{dropId}` follows one drop (pages opened with `?drop=ID`; a draft
 * shows nothing until it is announced); `{}` follows every announced drop, so a page can show
 * whichever is live.
 */
export const OverlayAuthSchema = z.object({ dropId: z.int().positive().optional() });
export type OverlayAuth = z.infer<typeof OverlayAuthSchema>;

/**
 * `/control` handshake `auth`: the host token or a paired device's token. A missing or wrong one fails
 * the connection with `unauthorized`; repeated wrong ones with `rate_limited`.
 */
export const ControlAuthSchema = z.object({ token: z.string().min(1).max(500) });

/** `clock:ping`'s one argument: the client's clock when it sent the ping (epoch ms). */
export const ClockPingSchema = z.number();

/** The overlay's `link:current` payload, validated at the edge like every command's input. */
export const LinkCurrentRequestSchema = z.object({
  dropId: z.int().positive(),
  touchpoint: z.string().min(1).max(40),
});

export interface StreamHealth {
  streaming: boolean;
  recording: boolean;
  reconnecting: boolean;
  streamTimecode: string | null;
  outputSkippedFrames: number;
  outputTotalFrames: number;
  renderSkippedFrames: number;
  renderTotalFrames: number;
  cpuUsage: number;
  memoryUsageMb: number;
  activeFps: number;
  at: number;
}

export interface ObsActionFailure {
  dropId: number;
  moment: string;
  message: string;
  at: number;
}
