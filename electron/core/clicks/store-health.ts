import type { StoreHealth } from '../../../shared/hub-events';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Logger } from '../log';

/** While degraded, the panel hears the growing backlog at most this often. */
const UPDATE_EVERY_MS = 1000;

/**
 * Whether scans reach the store. Degraded is never silent: it is logged, reported by `/api/health`
 * and pushed to the panel (`store:health`) when it starts, while it lasts, and when it ends.
 */
export class StoreHealthTracker {
  private state: StoreHealth = {
    state: 'ok',
    pendingScans: 0,
    since: null,
    lastError: null,
    droppedScans: 0,
  };
  private lastPush = 0;

  constructor(
    private readonly events: CoreEvents,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  get degraded(): boolean {
    return this.state.state === 'degraded';
  }

  current(pendingScans: number): StoreHealth {
    return { ...this.state, pendingScans };
  }

  failed(error: unknown, pendingScans: number, droppedScans: number): void {
    const now = this.clock.now();
    const first = !this.degraded;
    this.state = {
      state: 'degraded',
      pendingScans,
      since: this.state.since ?? now,
      lastError: String(error),
      droppedScans,
    };
    if (first)
      this.log.error('store writes failing: scans are kept in memory and retried', { error: String(error) });
    if (first || now - this.lastPush >= UPDATE_EVERY_MS) this.push(now);
  }

  recovered(): void {
    if (!this.degraded) return;
    this.log.warn('store writes work again', { since: this.state.since, dropped: this.state.droppedScans });
    this.state = {
      state: 'ok',
      pendingScans: 0,
      since: null,
      lastError: null,
      droppedScans: this.state.droppedScans,
    };
    this.push(this.clock.now());
  }

  private push(now: number): void {
    this.lastPush = now;
    this.events.emit('store:health', { ...this.state });
  }
}
