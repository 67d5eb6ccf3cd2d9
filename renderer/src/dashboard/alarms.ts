import type { Drop } from '../../../shared/drops';
import type { ObsActionFailure, StoreHealth } from '../../../shared/hub-events';
import type { WebhookRejected, WebhookStats } from '../../../shared/ledger';
import type { ObsStatus } from '../../../shared/obs';
import type { RelayStatus } from '../../../shared/relay';

export interface Alarm {
  /** Stable per cause, so a dismissed alarm stays dismissed until something new happens. */
  id: string;
  title: string;
  detail: string;
  /** Conditions that clear by themselves (store, OBS, relay, oversold) cannot be dismissed. */
  dismissable: boolean;
}

export interface AlarmInputs {
  store: StoreHealth | null;
  obs: ObsStatus | null;
  relay: RelayStatus | null;
  drops: readonly Drop[];
  /** The drop on the dashboard: its oversold units alarm even after it ended. */
  shownDropId: number | null;
  /** The API's counters and last rejection (persisted). */
  webhooks: WebhookStats | null;
  /** A rejection the hub announced, possibly newer than the counters loaded so far. */
  liveRejection: WebhookRejected | null;
  obsFailures: readonly ObsActionFailure[];
  dismissed: ReadonlySet<string>;
  now: number;
  formatTime: (epochMs: number) => string;
}

/** Webhook rejections older than this are history (the counters keep them), not an alarm. */
export const WEBHOOK_ALARM_MS = 12 * 3600_000;

const units = (n: number): string => (n === 1 ? '1 unit' : `${n} units`);

/** OBS never configured is not an alarm; OBS lost, refusing the password or kicking DropDeck is. */
function obsDown(obs: ObsStatus | null): boolean {
  if (!obs) return false;
  if (obs.state === 'auth-failed' || obs.state === 'kicked') return true;
  return obs.state === 'disconnected' && obs.nextRetryAt !== null;
}

export function buildAlarms(input: AlarmInputs): Alarm[] {
  const alarms: Alarm[] = [];
  const { store, obs, relay, webhooks, formatTime } = input;

  if (store?.state === 'degraded') {
    alarms.push({
      id: 'store',
      title: 'Store degraded',
      detail:
        `${store.pendingScans} scans waiting to be written` +
        (store.droppedScans > 0 ? `, ${store.droppedScans} lost` : '') +
        (store.lastError ? ` (${store.lastError})` : ''),
      dismissable: false,
    });
  }
  if (obsDown(obs) && obs) {
    alarms.push({
      id: 'obs',
      title: 'OBS is down',
      detail: obs.message ?? `Not connected to OBS at ${obs.url}.`,
      dismissable: false,
    });
  }
  if (relay?.configured && relay.state === 'offline') {
    alarms.push({
      id: 'relay',
      title: 'Edge relay unreachable',
      detail: relay.lastError ?? 'Scans through the relay are not arriving.',
      dismissable: false,
    });
  }
  for (const drop of input.drops) {
    const current = drop.state === 'live' || drop.state === 'sold_out' || drop.id === input.shownDropId;
    if (drop.oversold <= 0 || !current) continue;
    alarms.push({
      id: `oversold:${drop.id}`,
      title: `Oversold: ${drop.title}`,
      detail: `${units(drop.oversold)} paid for after the stock ran out. Refund or restock to settle with the buyers.`,
      dismissable: false,
    });
  }
  const stored = webhooks?.lastRejection ?? null;
  const live = input.liveRejection;
  const rejection = live && (!stored || live.at > stored.at) ? live : stored;
  if (rejection && input.now - rejection.at < WEBHOOK_ALARM_MS) {
    const id = `webhook:${rejection.source}:${rejection.at}`;
    // Counters only once they include this rejection: "0 rejected" under a refusal would be wrong.
    const counts = webhooks && rejection === stored ? webhooks[rejection.source] : null;
    if (!input.dismissed.has(id)) {
      alarms.push({
        id,
        title: `Webhook refused (${rejection.source === 'stripe' ? 'Stripe' : 'Shopify'})`,
        detail:
          `${rejection.reason.trim()} at ${formatTime(rejection.at)}` +
          (counts ? ` · ${counts.rejected} rejected, ${counts.accepted} accepted in total` : '') +
          '. Check the webhook secret in the shop settings.',
        dismissable: true,
      });
    }
  }
  for (const failure of input.obsFailures) {
    const id = `obs-step:${failure.dropId}:${failure.moment}:${failure.at}`;
    if (input.dismissed.has(id)) continue;
    const title = input.drops.find((d) => d.id === failure.dropId)?.title ?? `drop ${failure.dropId}`;
    alarms.push({
      id,
      title: `OBS step failed (${failure.moment}, ${title})`,
      detail: `${failure.message} at ${formatTime(failure.at)}`,
      dismissable: true,
    });
  }
  return alarms;
}
