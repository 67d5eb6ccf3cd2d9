import type Database from 'better-sqlite3';
import type { Drop } from '../../../shared/drops';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import { AppError, notFound } from '../domain-error';
import type { Logger } from '../log';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import type { InventoryRepo } from '../store/inventory-repo';
import { pickTier } from './drop-tiers';
import {
  dueCommand,
  nextDeadline,
  transition,
  type DropCommand,
  type DropFacts,
  type DropMoment,
} from './drop-transitions';
import { nodeTimers, type TimerSource } from './timer-source';
import { systemActor, type Actor } from '../devices/principal';

export interface DropEngineDeps {
  db: Database.Database;
  drops: DropsRepo;
  inventory: InventoryRepo;
  audit: AuditRepo;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
  timers?: TimerSource;
}

/** Timers re-check at least this often, so a far-off schedule never depends on one huge timeout. */
const MAX_TIMER_MS = 3600_000;
/** After a failed timer tick (e.g. the database was busy), try again this much later. */
const RETRY_MS = 5_000;
/** Who timed transitions are attributed to in the audit log. */
export const SYSTEM_ACTOR: Actor = systemActor('system');

/**
 * Runs the drop state machine: every command is one transaction (lifecycle patch + audit row), events
 * go out only after commit, and one timer per live or scheduled drop wakes it at its next deadline.
 * The database stays the source of truth: reads settle overdue deadlines, and `resume()` does so at
 * startup, so a late or lost timer can delay a moment but never leave a drop in the wrong state.
 *
 * Public commands throw AppError (not_found, invalid_transition, bad_request) and return the new Drop;
 * the HTTP routes and the hub's socket handlers call the same methods.
 */
export class DropEngine {
  private readonly pending = new Map<number, unknown>();
  private readonly timers: TimerSource;
  private stopped = false;

  constructor(private readonly deps: DropEngineDeps) {
    this.timers = deps.timers ?? nodeTimers;
  }

  start(id: number, actor: Actor): Drop {
    return this.run(id, { type: 'start' }, actor);
  }

  extend(id: number, seconds: number, actor: Actor): Drop {
    return this.run(id, { type: 'extend', seconds }, actor);
  }

  end(id: number, actor: Actor): Drop {
    return this.run(id, { type: 'end' }, actor);
  }

  /** Adds units to a tier (the first when none is named); a sold-out drop with time left re-opens. */
  restock(id: number, units: number, actor: Actor, tierId?: number): Drop {
    return this.run(id, { type: 'restock', units }, actor, tierId);
  }

  schedule(id: number, at: number, actor: Actor): Drop {
    return this.run(id, { type: 'schedule', at }, actor);
  }

  unschedule(id: number, actor: Actor): Drop {
    return this.run(id, { type: 'unschedule' }, actor);
  }

  /** The drop with every overdue deadline applied (null when there is no such drop). */
  get(id: number): Drop | null {
    return this.settle(id).drop;
  }

  /** All drops, newest first, settled. */
  list(): Drop[] {
    this.settleOpen();
    return this.deps.drops.list();
  }

  /** Scheduled drops starting in [from, to), soonest first. */
  upcoming(from: number, to: number): Drop[] {
    this.settleOpen();
    return this.deps.drops
      .listByState(['scheduled'])
      .filter((d) => d.scheduledAt !== null && d.scheduledAt >= from && d.scheduledAt < to)
      .sort((a, b) => (a.scheduledAt ?? 0) - (b.scheduledAt ?? 0) || a.id - b.id);
  }

  /**
   * After a sale changed stock: sells the drop out when nothing is left, and always announces the new
   * counts (a `drop:updated`, once).
   */
  stockChanged(id: number, actor: Actor): Drop | null {
    const { drop, changed } = this.settle(id, actor);
    if (drop && !changed) this.publish(drop, null);
    return drop;
  }

  /** At startup: applies what fell due while DropDeck was closed, then arms timers for the rest. */
  resume(): void {
    for (const d of this.deps.drops.listByState(['scheduled', 'live'])) {
      try {
        this.settle(d.id, SYSTEM_ACTOR, true);
        this.arm(d.id);
      } catch (error) {
        this.deps.log.error('could not resume drop', { dropId: d.id, error: String(error) });
      }
    }
  }

  stop(): void {
    this.stopped = true;
    for (const handle of this.pending.values()) this.timers.clear(handle);
    this.pending.clear();
  }

  /** Applies every timed transition that is due now; `changed` when at least one was. */
  settle(id: number, actor = SYSTEM_ACTOR, offline = false): { drop: Drop | null; changed: boolean } {
    let drop = this.deps.drops.get(id);
    let changed = false;
    // A drop can owe several in a row (a scheduled start, then its last minute); each step changes state.
    for (let step = 0; drop && step < 4; step++) {
      const now = this.deps.clock.now();
      const cmd = dueCommand(this.facts(drop), now, offline);
      if (!cmd) break;
      drop = this.apply(id, cmd, actor, now);
      changed = true;
    }
    return { drop, changed };
  }

  private settleOpen(): void {
    for (const d of this.deps.drops.listByState(['scheduled', 'live'])) this.settle(d.id);
  }

  /** A host's command: overdue deadlines first, so "extend" on a drop whose time just ran out is refused. */
  private run(id: number, cmd: DropCommand, actor: Actor, tierId?: number): Drop {
    if (!this.settle(id).drop) throw notFound(`Drop ${id}`);
    return this.apply(id, cmd, actor, this.deps.clock.now(), tierId);
  }

  private apply(id: number, cmd: DropCommand, actor: Actor, now: number, tierId?: number): Drop {
    const { db, drops, audit } = this.deps;
    const outcome = db
      .transaction((): { drop: Drop; moment: DropMoment | null } => {
        const before = drops.get(id);
        if (!before) throw notFound(`Drop ${id}`);
        const t = transition(this.facts(before), cmd, now);
        if (!t.ok) throw new AppError(t.code, t.message);
        const restocked =
          cmd.type === 'restock' ? this.addStock(before, cmd.units, tierId, actor, now) : undefined;
        drops.patchLifecycle(id, t.patch, now);
        const { type, ...params } = cmd;
        audit.record({
          actor,
          action: `drop:${type}`,
          subjectType: 'drop',
          subjectId: id,
          detail: {
            from: before.state,
            to: t.patch.state ?? before.state,
            ...params,
            ...restocked,
            ...t.patch,
          },
          at: now,
        });
        const after = drops.get(id);
        if (!after) throw new AppError('internal', `Drop ${id} vanished during ${type}`);
        return { drop: after, moment: t.moment };
      })
      .immediate();
    this.publish(outcome.drop, outcome.moment);
    this.arm(id);
    return outcome.drop;
  }

  private addStock(
    drop: Drop,
    units: number,
    tierId: number | undefined,
    actor: Actor,
    now: number,
  ): { tierId: number } {
    const tier = pickTier(drop, tierId);
    this.deps.inventory.addUnits(tier.id, units);
    this.deps.inventory.record({
      at: now,
      dropId: drop.id,
      tierId: tier.id,
      delta: units,
      reason: 'restock',
      actor: actor.name,
    });
    return { tierId: tier.id };
  }

  /** The transition is committed; a listener's bug must not turn it into an error for the caller. */
  private publish(drop: Drop, moment: DropMoment | null): void {
    try {
      this.deps.events.emit('drop:updated', drop);
      if (moment) this.deps.events.emit('drop:moment', moment, drop);
    } catch (error) {
      this.deps.log.error('a drop event listener failed', { dropId: drop.id, moment, error: String(error) });
    }
  }

  private arm(id: number): void {
    const previous = this.pending.get(id);
    if (previous !== undefined) this.timers.clear(previous);
    this.pending.delete(id);
    const drop = this.stopped ? null : this.deps.drops.get(id);
    const deadline = drop ? nextDeadline(this.facts(drop)) : null;
    if (deadline === null) return;
    const delay = Math.min(Math.max(deadline - this.deps.clock.now(), 0), MAX_TIMER_MS);
    this.pending.set(
      id,
      this.timers.set(() => this.onTimer(id), delay),
    );
  }

  private onTimer(id: number): void {
    this.pending.delete(id);
    try {
      this.settle(id);
      // Re-arm even when nothing was due yet (a capped delay, a timer that fired early).
      this.arm(id);
    } catch (error) {
      this.deps.log.error('drop timer failed; retrying', { dropId: id, error: String(error) });
      if (!this.stopped)
        this.pending.set(
          id,
          this.timers.set(() => this.onTimer(id), RETRY_MS),
        );
    }
  }

  private facts(drop: Drop): DropFacts {
    return {
      id: drop.id,
      state: drop.state,
      durationSec: drop.durationSec,
      earlyAccessSec: drop.earlyAccessSec,
      scheduledAt: drop.scheduledAt,
      endsAt: drop.endsAt,
      lastMinuteAt: this.deps.drops.row(drop.id)?.last_minute_at ?? null,
      // Held units are not sold yet: a drop whose last units are in checkout is not sold out.
      stock: drop.stock + drop.held,
    };
  }
}
