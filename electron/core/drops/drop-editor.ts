import type Database from 'better-sqlite3';
import type { CreateDropInput, Drop, UpdateDropInput } from '../../../shared/drops';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import type { Actor } from '../devices/principal';
import { AppError, notFound } from '../domain-error';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import type { DropEngine } from './drop-engine';

export interface DropEditorDeps {
  db: Database.Database;
  drops: DropsRepo;
  audit: AuditRepo;
  events: CoreEvents;
  clock: Clock;
  engine: Pick<DropEngine, 'settle'>;
  /** Scans must stop going to a checkout URL that was just changed. */
  forgetCheckout: (dropId: number) => void;
}

/** Creates drafts and edits drops that have not started; the engine owns every later change. */
export class DropEditor {
  constructor(private readonly deps: DropEditorDeps) {}

  create(input: CreateDropInput, actor: Actor): Drop {
    const { db, drops, audit, clock } = this.deps;
    const now = clock.now();
    const drop = db
      .transaction(() => {
        const id = drops.create(input, actor.name, now);
        audit.record({ actor, action: 'drop:create', subjectType: 'drop', subjectId: id, at: now });
        return drops.get(id);
      })
      .immediate();
    if (!drop) throw new AppError('internal', 'drop vanished after insert');
    this.deps.events.emit('drop:updated', drop);
    return drop;
  }

  update(id: number, patch: UpdateDropInput, actor: Actor): Drop {
    const { db, drops, audit, clock } = this.deps;
    // A scheduled drop whose start time just passed is live now, and no longer editable.
    this.deps.engine.settle(id);
    const now = clock.now();
    const drop = db
      .transaction(() => {
        const current = drops.get(id);
        if (!current) throw notFound(`Drop ${id}`);
        if (current.state !== 'draft' && current.state !== 'scheduled') {
          throw new AppError(
            'invalid_transition',
            `Drop ${id} is ${current.state}; only drafts and scheduled drops can be edited.`,
          );
        }
        drops.update(id, patch, now);
        audit.record({
          actor,
          action: 'drop:update',
          subjectType: 'drop',
          subjectId: id,
          detail: patch,
          at: now,
        });
        return drops.get(id);
      })
      .immediate();
    if (!drop) throw notFound(`Drop ${id}`);
    if (patch.checkoutUrl !== undefined) this.deps.forgetCheckout(id);
    this.deps.events.emit('drop:updated', drop);
    return drop;
  }
}
