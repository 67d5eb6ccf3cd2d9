import type { WebhookRejected, WebhookSource, WebhookStats } from '../../../shared/ledger';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Logger } from '../log';
import type Database from 'better-sqlite3';
import { AppError } from '../domain-error';
import type { WebhookOutcome, WebhookRepo } from '../store/webhook-repo';
import { answer, type IngestResult } from './ingest-result';

/**
 * Every webhook delivery's outcome: one row in `webhook_log` (so the panel's counters survive a
 * restart), a log line, and on a rejection a `webhook:rejected` event for the panel's alarm.
 */
export class WebhookLog {
  constructor(
    private readonly repo: WebhookRepo,
    private readonly events: CoreEvents,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly configured: Record<WebhookSource, boolean>,
  ) {}

  seen(source: WebhookSource, deliveryId: string): boolean {
    return this.repo.seen(source, deliveryId);
  }

  /** Remembers a handled delivery, so a redelivery is answered without being processed again. */
  remember(source: WebhookSource, deliveryId: string): void {
    this.repo.mark(source, deliveryId, this.clock.now());
  }

  note(
    source: WebhookSource,
    outcome: Exclude<WebhookOutcome, 'rejected'>,
    eventType: string | null,
    deliveryId: string | null,
    reason: string | null = null,
  ): void {
    this.repo.log(this.clock.now(), source, outcome, eventType, deliveryId, reason);
    if (outcome === 'ignored') this.log.info('webhook ignored', { source, eventType, deliveryId, reason });
  }

  reject(
    source: WebhookSource,
    reason: string,
    eventType: string | null = null,
    deliveryId: string | null = null,
  ): void {
    const at = this.clock.now();
    this.repo.log(at, source, 'rejected', eventType, deliveryId, reason);
    this.log.warn('webhook rejected', { source, reason, eventType, deliveryId });
    const event: WebhookRejected = { source, reason, at };
    try {
      this.events.emit('webhook:rejected', event);
    } catch (error) {
      this.log.error('a webhook event listener failed', { error: String(error) });
    }
  }

  /**
   * Runs one verified delivery: its postings, the dedup mark (on a 200, when the source names the
   * delivery) and its log row commit together; announcements queued in `after` go out once it has
   * committed. A refusal (AppError) writes nothing and answers 400; a `retry` outcome is not logged,
   * since the source will send it again.
   */
  deliver(
    db: Database.Database,
    source: WebhookSource,
    meta: { eventType: string | null; deliveryId: string | null },
    dispatch: (after: Array<() => void>) => IngestResult,
  ): IngestResult {
    const { eventType, deliveryId } = meta;
    try {
      const after: Array<() => void> = [];
      const outcome = db
        .transaction(() => {
          const out = dispatch(after);
          if (out.status === 200 && deliveryId) this.remember(source, deliveryId);
          const o = out.body.outcome;
          if (o !== 'retry') {
            const kind = o === 'ignored' || o === 'duplicate' ? o : 'accepted';
            this.note(source, kind, eventType, deliveryId, out.body.message ?? null);
          }
          return out;
        })
        .immediate();
      for (const announce of after) announce();
      return outcome;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.reject(source, error.message, eventType, deliveryId);
      return answer(400, 'rejected', error.message);
    }
  }

  stats(): WebhookStats {
    const zero = () => ({ accepted: 0, duplicate: 0, ignored: 0, rejected: 0 });
    const counts = { stripe: zero(), shopify: zero() };
    for (const r of this.repo.counts()) {
      if (r.source === 'stripe' || r.source === 'shopify') counts[r.source][r.outcome] = r.n;
    }
    const last = this.repo.lastRejection();
    return {
      stripe: { ...counts.stripe, configured: this.configured.stripe },
      shopify: { ...counts.shopify, configured: this.configured.shopify },
      lastRejection: last ? { at: last.at, source: last.source, reason: last.reason ?? '' } : null,
    };
  }
}
