import { EventEmitter } from 'node:events';
import type { Drop } from '../../shared/drops';
import type {
  ObsActionFailure,
  RecentSale,
  StatsPatch,
  StoreHealth,
  StreamHealth,
  LinkState,
} from '../../shared/hub-events';
import type { Link } from '../../shared/links';
import type { RelayStatus } from '../../shared/relay';
import type { WebhookRejected } from '../../shared/ledger';
import type { ObsStatus } from '../../shared/obs';
import type {
  BridgeStatus,
  ChatMessage,
  ChatPublicSettings,
  ModeratedChatMessage,
} from '../../shared/chat-events';

/**
 * In-process bus between core services (drops, sales, OBS) and the hub. Services emit facts; the hub
 * and the OBS bridge listen. Keeps services from importing each other.
 */
export interface CoreEventMap {
  'drop:updated': [drop: Drop];
  /** A lifecycle moment OBS actions hang on; `drop` is the state after the transition. */
  'drop:moment': [moment: 'start' | 'lastMinute' | 'soldOut' | 'end', drop: Drop];
  'sale:recorded': [sale: RecentSale];
  'link:rotated': [link: LinkState];
  'obs:status': [status: ObsStatus];
  'obs:health': [health: StreamHealth];
  'obs:action-failed': [failure: ObsActionFailure];
  /** A device was revoked: the hub drops its open sockets. */
  'device:revoked': [deviceId: number];
  /** Scan writes failing or working again (and, while failing, the backlog about once a second). */
  'store:health': [health: StoreHealth];
  /** A link was issued or revoked: the relay publisher sends it to the edge. */
  'link:created': [link: Link];
  'link:revoked': [link: Link];
  /** Relay scans landed in minutes the live stats ticker no longer re-reads (back-dated). */
  'stats:backfilled': [patch: StatsPatch];
  'relay:status': [status: RelayStatus];
  /** A webhook was refused (bad signature, malformed payload): the panel's alarm. */
  'webhook:rejected': [rejection: WebhookRejected];
  /** Chat (issue 10): a stored message, with its sender key (the hub strips it for public sockets). */
  'chat:message': [message: ModeratedChatMessage];
  'chat:deleted': [info: { id: number }];
  /** A reply for one viewer session only (e.g. a `!claim` hold link). */
  'chat:private': [senderKey: string, message: ChatMessage];
  'chat:bridge-status': [status: BridgeStatus];
  'chat:settings': [settings: ChatPublicSettings];
}

export class CoreEvents extends EventEmitter<CoreEventMap> {}
