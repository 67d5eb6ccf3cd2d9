import type Database from 'better-sqlite3';
import type {
  CreateShowInput,
  SetSplitsInput,
  Show,
  ShowCostInput,
  UpdateShowInput,
} from '../../../shared/insights/shows';
import type { Clock } from '../clock';
import type { Actor } from '../devices/principal';
import { AppError, notFound } from '../domain-error';
import type { AuditRepo } from '../store/audit-repo';
import type { ShowsRepo } from '../store/shows-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';

export interface ShowServiceDeps {
  db: Database.Database;
  shows: ShowsRepo;
  touchpoints: TouchpointsRepo;
  audit: AuditRepo;
  clock: Clock;
}

/** Shows and what hangs off them. Each change and its audit row commit together. */
export class ShowService {
  constructor(private readonly d: ShowServiceDeps) {}

  list(): Show[] {
    return this.d.shows.list();
  }

  get(id: number): Show {
    const show = this.d.shows.get(id);
    if (!show) throw notFound(`Show ${id}`);
    return show;
  }

  create(input: CreateShowInput, actor: Actor): Show {
    const now = this.d.clock.now();
    const id = this.tx(() => {
      const id = this.d.shows.insert(input.name, input.startsAt ?? null, input.endsAt ?? null, now);
      this.audit(actor, 'show:create', id, input, now);
      return id;
    });
    return this.get(id);
  }

  update({ id, ...patch }: UpdateShowInput, actor: Actor): Show {
    const now = this.d.clock.now();
    this.tx(() => {
      const row = this.d.shows.row(id);
      if (!row) throw notFound(`Show ${id}`);
      const startsAt = patch.startsAt === undefined ? row.starts_at : patch.startsAt;
      const endsAt = patch.endsAt === undefined ? row.ends_at : patch.endsAt;
      if (startsAt != null && endsAt != null && endsAt <= startsAt) {
        throw new AppError('bad_request', 'endsAt must be after startsAt');
      }
      this.d.shows.update(id, patch.name ?? row.name, startsAt, endsAt);
      this.audit(actor, 'show:update', id, patch, now);
    });
    return this.get(id);
  }

  assignDrop(id: number, dropId: number, actor: Actor): Show {
    return this.moveDrop(id, dropId, true, actor);
  }

  unassignDrop(id: number, dropId: number, actor: Actor): Show {
    return this.moveDrop(id, dropId, false, actor);
  }

  setCost(input: ShowCostInput, actor: Actor): Show {
    const now = this.d.clock.now();
    this.tx(() => {
      this.existing(input.id);
      const tp = this.d.touchpoints.findByKey(input.touchpoint);
      if (!tp) throw notFound(`Touchpoint "${input.touchpoint}"`);
      const note = input.note ? input.note : null;
      this.d.shows.setCost(input.id, tp.id, input.amountCents, input.currency, note, now);
      this.audit(actor, 'show:set-cost', input.id, input, now);
    });
    return this.get(input.id);
  }

  setSplits(input: SetSplitsInput, actor: Actor): Show {
    const now = this.d.clock.now();
    this.tx(() => {
      this.existing(input.id);
      const dropId = input.dropId ?? null;
      if (dropId !== null) this.dropOfShow(input.id, dropId);
      const shares = input.splits.map((s) => ({
        creator: s.creator,
        basisPoints: Math.round(s.percent * 100),
      }));
      this.d.shows.replaceSplits(input.id, dropId, shares, now);
      this.audit(actor, 'show:set-splits', input.id, { dropId, shares }, now);
    });
    return this.get(input.id);
  }

  private moveDrop(id: number, dropId: number, assign: boolean, actor: Actor): Show {
    const now = this.d.clock.now();
    this.tx(() => {
      this.existing(id);
      const from = this.d.shows.showOfDrop(dropId);
      if (from === undefined) throw notFound(`Drop ${dropId}`);
      if (!assign && from !== id) throw notFound(`Drop ${dropId} in show ${id}`);
      this.d.shows.setDropShow(dropId, assign ? id : null);
      // A drop's own split belongs to the show it was made in; it leaves with the drop.
      if (from !== null && from !== (assign ? id : null)) this.d.shows.replaceSplits(from, dropId, [], now);
      const action = assign ? 'show:assign-drop' : 'show:unassign-drop';
      this.audit(actor, action, id, { dropId, from }, now);
    });
    return this.get(id);
  }

  private dropOfShow(showId: number, dropId: number): void {
    if (this.d.shows.showOfDrop(dropId) !== showId) throw notFound(`Drop ${dropId} in show ${showId}`);
  }

  private existing(id: number): void {
    if (!this.d.shows.row(id)) throw notFound(`Show ${id}`);
  }

  private audit(actor: Actor, action: string, id: number, detail: unknown, at: number): void {
    this.d.audit.record({ actor, action, subjectType: 'show', subjectId: id, detail, at });
  }

  private tx<T>(fn: () => T): T {
    return this.d.db.transaction(fn).immediate();
  }
}
