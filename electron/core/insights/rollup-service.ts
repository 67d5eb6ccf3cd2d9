import type Database from 'better-sqlite3';
import type { Actor } from '../devices/principal';
import { notFound } from '../domain-error';
import type { Clock } from '../clock';
import type { AuditRepo } from '../store/audit-repo';
import type { RollupRebuildRepo } from '../store/rollup-rebuild-repo';
import type { ShowsRepo } from '../store/shows-repo';

export interface RollupServiceDeps {
  db: Database.Database;
  rebuild: RollupRebuildRepo;
  shows: ShowsRepo;
  audit: AuditRepo;
  clock: Clock;
}

/**
 * `stats:rebuild`: the per-minute rollup is a cache of the facts, so it can always be derived again —
 * after a repair, an import of old sales, or to prove it right. One transaction: a reader sees the old
 * rollup or the new one, never half of each. (Scans arriving meanwhile wait for the commit; the
 * recorder's group commit then adds them to the new rows.)
 */
export class RollupService {
  private readonly tx;

  constructor(private readonly d: RollupServiceDeps) {
    this.tx = d.db.transaction((dropIds: number[], actor: Actor, subject: string) => {
      let rows = 0;
      for (const id of dropIds) rows += d.rebuild.rebuildDrop(id);
      d.audit.record({
        actor,
        action: 'stats:rebuild',
        subjectType: subject.startsWith('show') ? 'show' : 'drop',
        subjectId: subject.split(':')[1],
        detail: { dropIds, rows },
        at: d.clock.now(),
      });
      return rows;
    });
  }

  rebuild(target: { show?: number; dropId?: number }, actor: Actor): { dropIds: number[]; rows: number } {
    let dropIds: number[];
    let subject: string;
    if (target.show !== undefined) {
      if (!this.d.shows.row(target.show)) throw notFound(`Show ${target.show}`);
      dropIds = this.d.shows.dropIds(target.show);
      subject = `show:${target.show}`;
    } else {
      const id = target.dropId ?? 0;
      if (this.d.shows.showOfDrop(id) === undefined) throw notFound(`Drop ${id}`);
      dropIds = [id];
      subject = `drop:${id}`;
    }
    const rows = this.tx.immediate(dropIds, actor, subject);
    return { dropIds, rows };
  }
}
