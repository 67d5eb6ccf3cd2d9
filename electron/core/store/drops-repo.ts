import type Database from 'better-sqlite3';
import type {
  CreateDropInput,
  Drop,
  DropState,
  HoldsPolicy,
  Tier,
  UpdateDropInput,
} from '../../../shared/drops';
import { ObsDropActionsSchema, type ObsDropActions } from '../../../shared/obs';

interface DropRow {
  id: number;
  title: string;
  product_id: number | null;
  currency: string;
  checkout_url: string;
  duration_sec: number;
  state: DropState;
  early_access_sec: number;
  per_buyer_cap: number | null;
  link_rotation_sec: number | null;
  obs_actions: string | null;
  scheduled_at: number | null;
  started_at: number | null;
  ends_at: number | null;
  ended_at: number | null;
  ended_reason: string | null;
  last_minute_at: number | null;
  holds_mode: HoldsPolicy['mode'];
  holds_last_units: number;
  holds_ttl_sec: number;
  holds_per_visitor: number;
  restock_on_refund: number;
  created_at: number;
  updated_at: number;
}

interface TierRow {
  id: number;
  drop_id: number;
  position: number;
  name: string;
  variant_id: number | null;
  price_cents: number;
  units_total: number;
  units_sold: number;
  units_held: number;
  units_oversold: number;
}

/** Fields the drop engine may change on a transition. */
export interface DropLifecyclePatch {
  state?: DropState;
  scheduledAt?: number | null;
  startedAt?: number | null;
  endsAt?: number | null;
  endedAt?: number | null;
  endedReason?: string | null;
  lastMinuteAt?: number | null;
}

const LIFECYCLE_COLUMNS: Record<keyof DropLifecyclePatch, string> = {
  state: 'state',
  scheduledAt: 'scheduled_at',
  startedAt: 'started_at',
  endsAt: 'ends_at',
  endedAt: 'ended_at',
  endedReason: 'ended_reason',
  lastMinuteAt: 'last_minute_at',
};

function parseObsActions(json: string | null): ObsDropActions | null {
  if (!json) return null;
  const parsed = ObsDropActionsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** SQL for drops and their tiers. Callers own transactions; statements are prepared once. */
export class DropsRepo {
  private readonly insertDrop;
  private readonly insertTier;
  private readonly insertInitialMovement;
  private readonly selectDrop;
  private readonly selectAll;
  private readonly selectByStates;
  private readonly selectTiers;
  private readonly selectAllTiers;
  /** UPDATE statements by column set, prepared on first use and then reused. */
  private readonly updates = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.insertDrop = db.prepare(`
      INSERT INTO drops (title, product_id, currency, checkout_url, duration_sec, early_access_sec,
        per_buyer_cap, link_rotation_sec, obs_actions, created_at, updated_at)
      VALUES (@title, @productId, @currency, @checkoutUrl, @durationSec, @earlyAccessSec,
        @perBuyerCap, @linkRotationSec, @obsActions, @now, @now)`);
    this.insertTier = db.prepare(`
      INSERT INTO drop_tiers (drop_id, position, name, variant_id, price_cents, units_total)
      VALUES (?, ?, ?, ?, ?, ?)`);
    this.insertInitialMovement = db.prepare(`
      INSERT INTO inventory_movements (at, drop_id, tier_id, delta, reason, actor)
      VALUES (?, ?, ?, ?, 'initial', ?)`);
    this.selectDrop = db.prepare<[number], DropRow>('SELECT * FROM drops WHERE id = ?');
    this.selectAll = db.prepare<[], DropRow>('SELECT * FROM drops ORDER BY id DESC');
    this.selectByStates = db.prepare<[string], DropRow>(
      'SELECT * FROM drops WHERE state IN (SELECT value FROM json_each(?)) ORDER BY id',
    );
    this.selectTiers = db.prepare<[number], TierRow>(
      'SELECT * FROM drop_tiers WHERE drop_id = ? ORDER BY position',
    );
    this.selectAllTiers = db.prepare<[], TierRow>('SELECT * FROM drop_tiers ORDER BY drop_id, position');
  }

  /** Inserts the drop, its tiers and their opening inventory. Call inside a transaction. */
  create(input: CreateDropInput, createdBy: string, now: number): number {
    const { lastInsertRowid } = this.insertDrop.run({
      title: input.title,
      productId: input.productId ?? null,
      currency: input.currency,
      checkoutUrl: input.checkoutUrl,
      durationSec: input.durationSec,
      earlyAccessSec: input.earlyAccessSec,
      perBuyerCap: input.perBuyerCap ?? null,
      linkRotationSec: input.linkRotationSec ?? null,
      obsActions: input.obsActions ? JSON.stringify(input.obsActions) : null,
      now,
    });
    const dropId = Number(lastInsertRowid);
    const tiers = [
      { name: 'Standard', stock: input.stock, priceCents: input.priceCents, variantId: undefined },
      ...(input.tiers ?? []),
    ];
    tiers.forEach((t, position) => {
      const tier = this.insertTier.run(dropId, position, t.name, t.variantId ?? null, t.priceCents, t.stock);
      this.insertInitialMovement.run(now, dropId, Number(tier.lastInsertRowid), t.stock, createdBy);
    });
    return dropId;
  }

  update(id: number, input: UpdateDropInput, now: number): void {
    const columns: Record<string, unknown> = {};
    if (input.title !== undefined) columns.title = input.title;
    if (input.currency !== undefined) columns.currency = input.currency;
    if (input.checkoutUrl !== undefined) {
      columns.checkout_url = input.checkoutUrl;
      // The relay publisher re-sends this drop's links when it moves.
      columns.checkout_changed_at = now;
    }
    if (input.durationSec !== undefined) columns.duration_sec = input.durationSec;
    if (input.productId !== undefined) columns.product_id = input.productId;
    if (input.earlyAccessSec !== undefined) columns.early_access_sec = input.earlyAccessSec;
    if (input.perBuyerCap !== undefined) columns.per_buyer_cap = input.perBuyerCap;
    if (input.linkRotationSec !== undefined) columns.link_rotation_sec = input.linkRotationSec;
    if (input.obsActions !== undefined) columns.obs_actions = JSON.stringify(input.obsActions);
    this.writeColumns(id, columns, now);
  }

  patchLifecycle(id: number, patch: DropLifecyclePatch, now: number): void {
    const columns: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(LIFECYCLE_COLUMNS)) {
      const value = patch[key as keyof DropLifecyclePatch];
      if (value !== undefined) columns[column] = value;
    }
    this.writeColumns(id, columns, now);
  }

  /** Column names come from the fixed maps above, never from input; values are parameters. */
  private writeColumns(id: number, columns: Record<string, unknown>, now: number): void {
    const names = Object.keys(columns);
    if (names.length === 0) return;
    const key = names.join(',');
    let stmt = this.updates.get(key);
    if (!stmt) {
      const sets = names.map((n) => `${n} = @${n}`).join(', ');
      stmt = this.db.prepare(`UPDATE drops SET ${sets}, updated_at = @updated_at WHERE id = @id`);
      this.updates.set(key, stmt);
    }
    stmt.run({ ...columns, updated_at: now, id });
  }

  get(id: number): Drop | null {
    const row = this.selectDrop.get(id);
    return row ? toDrop(row, this.selectTiers.all(id)) : null;
  }

  row(id: number): DropRow | undefined {
    return this.selectDrop.get(id);
  }

  list(): Drop[] {
    return this.withTiers(this.selectAll.all());
  }

  listByState(states: DropState[]): Drop[] {
    return this.withTiers(this.selectByStates.all(JSON.stringify(states)));
  }

  private withTiers(rows: DropRow[]): Drop[] {
    const tiersByDrop = new Map<number, TierRow[]>();
    for (const t of this.selectAllTiers.all()) {
      const list = tiersByDrop.get(t.drop_id) ?? [];
      list.push(t);
      tiersByDrop.set(t.drop_id, list);
    }
    return rows.map((r) => toDrop(r, tiersByDrop.get(r.id) ?? []));
  }
}

function toTier(t: TierRow): Tier {
  return {
    id: t.id,
    name: t.name,
    priceCents: t.price_cents,
    stock: t.units_total - t.units_sold - t.units_held,
    sold: t.units_sold + t.units_oversold,
    held: t.units_held,
    variantId: t.variant_id,
  };
}

export function toDrop(r: DropRow, tierRows: TierRow[]): Drop {
  const tiers = tierRows.map(toTier);
  return {
    id: r.id,
    title: r.title,
    state: r.state,
    stock: tiers.reduce((n, t) => n + t.stock, 0),
    sold: tiers.reduce((n, t) => n + t.sold, 0),
    held: tiers.reduce((n, t) => n + t.held, 0),
    oversold: tierRows.reduce((n, t) => n + t.units_oversold, 0),
    holds: {
      mode: r.holds_mode,
      lastUnits: r.holds_last_units,
      ttlSec: r.holds_ttl_sec,
      perVisitor: r.holds_per_visitor,
    },
    restockOnRefund: r.restock_on_refund === 1,
    priceCents: tiers[0]?.priceCents ?? 0,
    currency: r.currency,
    durationSec: r.duration_sec,
    checkoutUrl: r.checkout_url,
    productId: r.product_id,
    tiers,
    earlyAccessSec: r.early_access_sec,
    perBuyerCap: r.per_buyer_cap,
    linkRotationSec: r.link_rotation_sec,
    obsActions: parseObsActions(r.obs_actions),
    scheduledAt: r.scheduled_at,
    startedAt: r.started_at,
    publicAt: r.started_at === null ? null : r.started_at + r.early_access_sec * 1000,
    endsAt: r.ends_at,
    endedAt: r.ended_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
