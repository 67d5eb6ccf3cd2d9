import type Database from 'better-sqlite3';
import type { CreateTouchpointInput, Touchpoint, UpdateTouchpointInput } from '../../../shared/touchpoints';
import type { Clock } from '../clock';
import type { Actor } from '../devices/principal';
import { AppError, notFound } from '../domain-error';
import type { AuditRepo } from '../store/audit-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';

/**
 * Touchpoints: where scans and sales come from. The rule that matters for the public surface lives
 * here: only a public touchpoint without a creator may be shown on stream, so members-only and creator
 * links never reach an overlay.
 */
export class TouchpointService {
  constructor(
    private readonly deps: { db: Database.Database; repo: TouchpointsRepo; audit: AuditRepo; clock: Clock },
  ) {}

  list(): Touchpoint[] {
    return this.deps.repo.list();
  }

  create(input: CreateTouchpointInput, actor: Actor): Touchpoint {
    const now = this.deps.clock.now();
    const created = this.deps.db
      .transaction(() => {
        const tp = this.deps.repo.create(input, now);
        if (!tp) return null;
        this.deps.audit.record({
          actor,
          action: 'touchpoint:create',
          subjectType: 'touchpoint',
          subjectId: tp.key,
          detail: input,
          at: now,
        });
        return tp;
      })
      .immediate();
    if (!created) throw new AppError('conflict', `A touchpoint named "${input.key}" already exists.`);
    return created;
  }

  update(key: string, patch: UpdateTouchpointInput, actor: Actor): Touchpoint {
    const now = this.deps.clock.now();
    return this.deps.db
      .transaction(() => {
        const current = this.deps.repo.findByKey(key);
        if (!current) throw notFound(`Touchpoint "${key}"`);
        const creator = patch.creator === undefined ? current.creator : patch.creator;
        const onStream = patch.onStream ?? current.onStream;
        if (onStream && (current.audience !== 'public' || creator !== null)) {
          throw new AppError(
            'bad_request',
            `"${key}" can't be shown on stream: members-only and creator touchpoints stay off public overlays.`,
          );
        }
        this.deps.repo.update(current.id, patch);
        this.deps.audit.record({
          actor,
          action: 'touchpoint:update',
          subjectType: 'touchpoint',
          subjectId: key,
          detail: patch,
          at: now,
        });
        const after = this.deps.repo.findById(current.id);
        if (!after) throw notFound(`Touchpoint "${key}"`);
        return after;
      })
      .immediate();
  }
}
