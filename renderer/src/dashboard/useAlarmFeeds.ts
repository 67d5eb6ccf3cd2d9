import { useCallback, useEffect, useState } from 'react';
import type { ObsActionFailure } from '../../../shared/hub-events';
import type { WebhookRejected, WebhookStats } from '../../../shared/ledger';
import type { ApiClient } from '../api/http';
import type { HubSocket } from '../api/hub';

/** OBS step failures kept on screen; older ones are in the audit log. */
const KEEP_OBS_FAILURES = 5;

export interface AlarmFeeds {
  webhooks: WebhookStats | null;
  liveRejection: WebhookRejected | null;
  webhookError: string | null;
  retryWebhooks: () => void;
  obsFailures: ObsActionFailure[];
}

/**
 * The alarm sources that are not in the shared panel state: webhook counters (persisted, so a
 * rejection from before the panel opened still shows) reloaded on each `webhook:rejected`, and the
 * OBS steps that failed while the panel was open.
 */
export function useAlarmFeeds(api: ApiClient, socket: HubSocket): AlarmFeeds {
  const [webhooks, setWebhooks] = useState<WebhookStats | null>(null);
  const [live, setLive] = useState<WebhookRejected | null>(null);
  const [webhookError, setWebhookError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [obsFailures, setObsFailures] = useState<ObsActionFailure[]>([]);

  useEffect(() => {
    let alive = true;
    void api.call('webhook:stats', {}).then((result) => {
      if (!alive) return;
      if (result.ok) setWebhooks(result.value);
      setWebhookError(result.ok ? null : result.error.message);
    });
    return () => {
      alive = false;
    };
  }, [api, attempt]);

  useEffect(() => {
    const onRejected = (rejection: WebhookRejected): void => {
      setLive(rejection);
      setAttempt((n) => n + 1);
    };
    const onObsFailed = (failure: ObsActionFailure): void =>
      setObsFailures((list) => [failure, ...list].slice(0, KEEP_OBS_FAILURES));
    // Rejections during a dropped connection never reach this page as events: reload the counters.
    const onConnect = (): void => setAttempt((n) => n + 1);
    socket.on('webhook:rejected', onRejected);
    socket.on('obs:action-failed', onObsFailed);
    socket.on('connect', onConnect);
    return () => {
      socket.off('webhook:rejected', onRejected);
      socket.off('obs:action-failed', onObsFailed);
      socket.off('connect', onConnect);
    };
  }, [socket]);

  const retryWebhooks = useCallback(() => setAttempt((n) => n + 1), []);
  return { webhooks, liveRejection: live, webhookError, retryWebhooks, obsFailures };
}
