import type { Drop, DropState } from '../../../shared/drops';
import type { ObsActionFailure } from '../../../shared/hub-events';
import type { ObsAction } from '../../../shared/obs';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import { batchFailures, planBatch } from './action-batch';
import type { ObsRequester } from './types';
import { visualStateActions } from './visual-state';
import { systemActor } from '../devices/principal';

const OBS_ACTOR = systemActor('obs');

type Moment = 'start' | 'lastMinute' | 'soldOut' | 'end';

export interface BridgeDeps {
  obs: ObsRequester;
  events: CoreEvents;
  drops: DropsRepo;
  audit: AuditRepo;
  clock: Clock;
  log: Logger;
  batchTimeoutMs: number;
}

const KEEP_FAILURES = 20;

/**
 * Runs each drop's OBS actions at its lifecycle moments, and puts OBS back into the live drop's
 * look after a reconnect. The drop engine must never wait for or trip over OBS: the listener only
 * starts async work, and every failure ends up as an `obs:action-failed` event plus an audit entry.
 */
export class DropActionsBridge {
  private readonly failures: ObsActionFailure[] = [];
  /** Last state seen per running drop, to notice a restock re-opening a sold-out drop. */
  private readonly states = new Map<number, DropState>();
  private readonly onMoment = (moment: Moment, drop: Drop): void => {
    void this.runMoment(moment, drop);
  };
  private readonly onUpdated = (drop: Drop): void => {
    const before = this.states.get(drop.id);
    if (drop.state === 'ended') this.states.delete(drop.id);
    else this.states.set(drop.id, drop.state);
    // A restock re-opens a sold-out drop without a moment of its own: bring back its live look.
    if (before === 'sold_out' && drop.state === 'live') void this.restoreLook(drop, 'restock');
  };

  constructor(private readonly deps: BridgeDeps) {}

  start(): void {
    this.deps.events.on('drop:moment', this.onMoment);
    this.deps.events.on('drop:updated', this.onUpdated);
  }

  stop(): void {
    this.deps.events.off('drop:moment', this.onMoment);
    this.deps.events.off('drop:updated', this.onUpdated);
  }

  /** Newest first, for a dashboard that opens after the hub event went by. */
  recentFailures(): ObsActionFailure[] {
    return [...this.failures].reverse();
  }

  private async runMoment(moment: Moment, drop: Drop): Promise<void> {
    const actions = drop.obsActions?.[moment];
    if (!actions || actions.length === 0) return;
    await this.send(drop.id, moment, actions);
  }

  /** After (re)connecting: re-apply each running drop's current look, oldest drop first. */
  async reapply(): Promise<void> {
    try {
      for (const drop of this.deps.drops.listByState(['live', 'sold_out'])) {
        await this.restoreLook(drop, 'reapply');
      }
    } catch (err) {
      this.deps.log.error('re-applying drop scenes failed', { error: String(err) });
    }
  }

  /** Puts OBS into the look the drop has reached (start, last minute, sold out), in one batch. */
  private async restoreLook(drop: Drop, why: 'reapply' | 'restock'): Promise<void> {
    try {
      const lastMinuteAt = this.deps.drops.row(drop.id)?.last_minute_at ?? null;
      const actions = visualStateActions(drop, lastMinuteAt, this.deps.clock.now());
      if (actions.length === 0) return;
      const ok = await this.send(drop.id, why, actions);
      if (ok && why === 'reapply') this.audit(drop.id, 'obs:state-reapplied', { actions });
    } catch (err) {
      // Started from an event listener: a throw here would be an unhandled rejection.
      this.deps.log.error('restoring a drop look in OBS failed', { dropId: drop.id, error: String(err) });
    }
  }

  /** Sends the actions as one batch; returns true when OBS did all of them. Never throws. */
  private async send(dropId: number, moment: string, actions: ObsAction[]): Promise<boolean> {
    const plan = planBatch(actions);
    try {
      if (!this.deps.obs.isConnected) {
        this.report(dropId, moment, [
          'OBS is not connected; DropDeck re-applies the live drop’s scene when OBS is back.',
        ]);
        return false;
      }
      // Keep going past a failed step: one renamed source must not stop the scene switch.
      const results = await this.deps.obs.callBatch(
        plan.requests,
        { haltOnFailure: false },
        this.deps.batchTimeoutMs,
      );
      const problems = batchFailures(actions, plan, results);
      if (problems.length > 0) this.report(dropId, moment, problems);
      return problems.length === 0;
    } catch (err) {
      this.report(dropId, moment, [err instanceof Error ? err.message : String(err)]);
      return false;
    }
  }

  private report(dropId: number, moment: string, problems: string[]): void {
    const failure: ObsActionFailure = {
      dropId,
      moment,
      message: problems.join('; '),
      at: this.deps.clock.now(),
    };
    this.failures.push(failure);
    if (this.failures.length > KEEP_FAILURES) this.failures.shift();
    this.deps.log.warn('obs actions failed', { dropId, moment, message: failure.message });
    this.audit(dropId, 'obs:action-failed', { moment, problems });
    try {
      this.deps.events.emit('obs:action-failed', failure);
    } catch (err) {
      // A throwing hub listener must not turn an OBS hiccup into a crash.
      this.deps.log.error('obs:action-failed listener threw', { error: String(err) });
    }
  }

  private audit(dropId: number, action: string, detail: unknown): void {
    try {
      this.deps.audit.record({
        actor: OBS_ACTOR,
        action,
        subjectType: 'drop',
        subjectId: dropId,
        detail,
        at: this.deps.clock.now(),
      });
    } catch (err) {
      // The database may already be closed during shutdown; losing this line is acceptable.
      this.deps.log.warn('could not write OBS audit entry', { error: String(err) });
    }
  }
}
