import { describe, expect, it } from 'vitest';
import type { Drop } from '../../../shared/drops';
import type { StoreHealth } from '../../../shared/hub-events';
import type { WebhookStats } from '../../../shared/ledger';
import type { ObsStatus } from '../../../shared/obs';
import { dropRecord } from '../../support/drop-record';
import { buildAlarms, WEBHOOK_ALARM_MS, type AlarmInputs } from '../../../renderer/src/dashboard/alarms';

const NOW = 1_800_000_000_000;
const quiet: AlarmInputs = {
  store: { state: 'ok', pendingScans: 0, since: null, lastError: null, droppedScans: 0 },
  obs: null,
  relay: null,
  drops: [],
  shownDropId: null,
  webhooks: null,
  liveRejection: null,
  obsFailures: [],
  dismissed: new Set(),
  now: NOW,
  formatTime: () => '18:04',
};
const obs = (over: Partial<ObsStatus>): ObsStatus => ({
  state: 'disconnected',
  url: 'ws://127.0.0.1:4455',
  message: 'Not connected to OBS yet.',
  obsVersion: null,
  websocketVersion: null,
  nextRetryAt: null,
  since: NOW,
  ...over,
});
const counts = { accepted: 3, duplicate: 0, ignored: 0, rejected: 2 };
const webhooks = (at: number): WebhookStats => ({
  stripe: { ...counts, configured: true },
  shopify: { ...counts, rejected: 0, configured: false },
  lastRejection: { at, source: 'stripe', reason: 'signature: no match ' },
});
const drop = (over: Partial<Drop>): Drop =>
  dropRecord({
    id: 7,
    title: 'Tote',
    state: 'live',
    stock: 0,
    sold: 3,
    priceCents: 1500,
    startedAt: NOW - 60_000,
    endsAt: NOW + 240_000,
    createdAt: NOW - 600_000,
    updatedAt: NOW,
    ...over,
  });
const ids = (input: Partial<AlarmInputs>): string[] => buildAlarms({ ...quiet, ...input }).map((a) => a.id);

describe('dashboard alarms', () => {
  it('is quiet when everything is fine, OBS never set up included', () => {
    expect(ids({})).toEqual([]);
    expect(ids({ obs: obs({}) })).toEqual([]);
  });

  it('alarms on a degraded store, OBS lost or refusing, and an offline relay', () => {
    const store: StoreHealth = {
      state: 'degraded',
      pendingScans: 4,
      since: NOW,
      lastError: 'SQLITE_BUSY',
      droppedScans: 0,
    };
    const [alarm] = buildAlarms({ ...quiet, store });
    expect(alarm).toMatchObject({ id: 'store', title: 'Store degraded', dismissable: false });
    expect(alarm.detail).toBe('4 scans waiting to be written (SQLITE_BUSY)');
    expect(ids({ obs: obs({ nextRetryAt: NOW + 5000, message: 'OBS is not running' }) })).toEqual(['obs']);
    expect(ids({ obs: obs({ state: 'auth-failed' }) })).toEqual(['obs']);
    expect(ids({ obs: obs({ state: 'connected', message: null }) })).toEqual([]);
    expect(
      ids({
        relay: {
          configured: true,
          url: 'https://edge.example',
          state: 'offline',
          shards: null,
          lastSyncAt: null,
          lagMs: null,
          lastError: 'ECONNREFUSED',
          publishPending: false,
          ingestedScans: 0,
        },
      }),
    ).toEqual(['relay']);
  });

  it('alarms on oversold units of running drops and of the drop on screen, counted as the drop says', () => {
    const [alarm] = buildAlarms({ ...quiet, drops: [drop({ oversold: 2 })] });
    expect(alarm.title).toBe('Oversold: Tote');
    expect(alarm.detail).toMatch(/^2 units paid for after the stock ran out/);
    expect(ids({ drops: [drop({ oversold: 1, state: 'ended' })] })).toEqual([]);
    expect(ids({ drops: [drop({ oversold: 1, state: 'ended' })], shownDropId: 7 })).toEqual(['oversold:7']);
  });

  it('alarms on a recent webhook rejection with the API counters, until dismissed', () => {
    const [alarm] = buildAlarms({ ...quiet, webhooks: webhooks(NOW - 1000) });
    expect(alarm.title).toBe('Webhook refused (Stripe)');
    expect(alarm.detail).toContain('signature: no match at 18:04 · 2 rejected, 3 accepted in total');
    expect(alarm.dismissable).toBe(true);
    expect(ids({ webhooks: webhooks(NOW - 1000), dismissed: new Set([alarm.id]) })).toEqual([]);
    expect(ids({ webhooks: webhooks(NOW - WEBHOOK_ALARM_MS - 1) })).toEqual([]);
  });

  it('shows a refusal the hub announced at once, without counters that do not include it yet', () => {
    const stale = webhooks(NOW - 60_000);
    const live = { source: 'stripe' as const, reason: 'signature: no match', at: NOW - 10 };
    const [alarm] = buildAlarms({ ...quiet, webhooks: stale, liveRejection: live });
    expect(alarm.id).toBe(`webhook:stripe:${NOW - 10}`);
    expect(alarm.detail).toBe('signature: no match at 18:04. Check the webhook secret in the shop settings.');
  });

  it('names the drop of a failed OBS step', () => {
    const [alarm] = buildAlarms({
      ...quiet,
      drops: [drop({})],
      obsFailures: [{ dropId: 7, moment: 'start', message: 'No scene "Drop"', at: NOW }],
    });
    expect(alarm.title).toBe('OBS step failed (start, Tote)');
    expect(alarm.detail).toBe('No scene "Drop" at 18:04');
  });
});
