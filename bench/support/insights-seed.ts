import type Database from 'better-sqlite3';
import { systemActor } from '../../electron/core/devices/principal';
import type { CoreServices } from '../../electron/core/services';

const SHOWS = 20;
const DROPS_PER_SHOW = 5;
const ROWS_PER_INSERT = 100;
const TOUCHPOINTS = ['stream', 'venue', 'nfc', 'dm', 'email', 'ana', 'ben', 'cy', 'dee'];
const DAY = 24 * 3600_000;

/** Deterministic pseudo-random numbers (mulberry32): every run seeds the same history. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytes = (r: () => number, n: number): Buffer =>
  Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));

/** Multi-row INSERTs: one statement per ROWS_PER_INSERT rows, one call into SQLite each. */
function bulk(
  db: Database.Database,
  table: string,
  columns: string[],
): { add(row: unknown[]): void; end(): void } {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = (n: number) =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`;
  const full = db.prepare(sql(ROWS_PER_INSERT));
  let rows: unknown[][] = [];
  return {
    add(row) {
      rows.push(row);
      if (rows.length === ROWS_PER_INSERT) {
        full.run(rows.flat());
        rows = [];
      }
    },
    end() {
      if (rows.length) db.prepare(sql(rows.length)).run(rows.flat());
      rows = [];
    },
  };
}

export interface SeededHistory {
  showIds: number[];
  clicks: number;
  entries: number;
}

/**
 * A history of `clicks` scans and `sales` purchases (plus ~4 % refunds) across 20 four-hour shows on 20
 * days, 5 drops each. Buyers come from scans (their visitor id joined, 5-40 min later); 40 % give an
 * e-mail from a pool shared by all shows (repeat buyers, journeys across days), 20 % a buyer ref.
 * Written in one transaction with multi-row inserts; shows, costs and splits through the services.
 */
export function seedInsightsHistory(
  s: CoreServices,
  clicks: number,
  sales: number,
  base: number,
): SeededHistory {
  const db = s.db;
  const r = rng(42);
  const actor = systemActor('bench');
  for (const key of TOUCHPOINTS.slice(5)) {
    s.touchpoints.create(
      { key, kind: 'creator_dm', creator: key.toUpperCase(), audience: 'public', onStream: false },
      base,
    );
  }
  const tpIds = TOUCHPOINTS.map((k) => s.touchpoints.findByKey(k)?.id ?? 0);
  const emails = Array.from({ length: 20_000 }, () => bytes(r, 32));
  const showIds: number[] = [];
  const drops: Array<{ id: number; show: number; start: number; tier: number }> = [];
  let entries = 0;

  db.transaction(() => {
    for (let sh = 0; sh < SHOWS; sh++) {
      const start = base + sh * DAY;
      const show = s.insights.shows.create(
        { name: `Show ${sh + 1}`, startsAt: start, endsAt: start + 4 * 3600_000 },
        actor,
      );
      showIds.push(show.id);
      for (let d = 0; d < DROPS_PER_SHOW; d++) {
        const id = s.drops.create(
          {
            title: `Drop ${sh + 1}.${d + 1}`,
            stock: 1000,
            priceCents: 2500,
            currency: 'EUR',
            durationSec: 3600,
            checkoutUrl: 'https://shop.example.com/c',
            earlyAccessSec: 0,
          },
          'bench',
          start - 3600_000,
        );
        const dropStart = start + d * 30 * 60_000;
        db.prepare(
          "UPDATE drops SET show_id = ?, state = 'ended', started_at = ?, ended_at = ? WHERE id = ?",
        ).run(show.id, dropStart, dropStart + 3600_000, id);
        const tier = (db.prepare('SELECT id FROM drop_tiers WHERE drop_id = ?').get(id) as { id: number }).id;
        drops.push({ id, show: show.id, start: dropStart, tier });
      }
    }
    const clickRows = bulk(db, 'clicks', [
      'at',
      'link_code',
      'drop_id',
      'touchpoint_id',
      'via',
      'visitor_id',
      'is_unique',
      'is_bot',
    ]);
    const perShow = Math.floor(clicks / SHOWS);
    const salesPerShow = Math.floor(sales / SHOWS);
    const ledger = bulk(db, 'ledger_entries', [
      'at',
      'kind',
      'drop_id',
      'tier_id',
      'touchpoint_id',
      'link_code',
      'visitor_id',
      'email_hash',
      'quantity',
      'amount_cents',
      'currency',
      'source',
      'external_id',
      'buyer_ref',
      'related_entry_id',
      'created_at',
    ]);
    const moves = bulk(db, 'inventory_movements', [
      'at',
      'drop_id',
      'tier_id',
      'delta',
      'reason',
      'ledger_entry_id',
      'actor',
    ]);
    let entryId = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM ledger_entries').get() as { n: number })
      .n;
    for (let sh = 0; sh < SHOWS; sh++) {
      const showDrops = drops.filter((d) => d.show === showIds[sh]);
      const visitors = Array.from({ length: 15_000 }, () => bytes(r, 16));
      const seen = new Set<string>();
      const shown: Array<{ at: number; drop: (typeof drops)[number]; tp: number; v: Buffer }> = [];
      for (let i = 0; i < perShow; i++) {
        const drop = showDrops[Math.floor(r() * showDrops.length)];
        const tp = Math.floor(r() * TOUCHPOINTS.length);
        const vi = Math.floor(r() * visitors.length);
        const at = drop.start + Math.floor(r() * 3600_000);
        const bot = r() < 0.02 ? 1 : 0;
        const key = `${vi}/${drop.id}/${tp}`;
        const unique = !bot && !seen.has(key) ? 1 : 0;
        seen.add(key);
        clickRows.add([
          at,
          `c${drop.id}t${tp}`,
          drop.id,
          tpIds[tp],
          tp < 3 ? 'qr' : 'link',
          visitors[vi],
          unique,
          bot,
        ]);
        if (!bot && shown.length < salesPerShow * 4) shown.push({ at, drop, tp, v: visitors[vi] });
      }
      for (let i = 0; i < salesPerShow; i++) {
        const c = shown[Math.floor(r() * shown.length)];
        const at = c.at + 5 * 60_000 + Math.floor(r() * 35 * 60_000);
        const q = 1 + Math.floor(r() * 2);
        const who = r();
        const email = who < 0.4 ? emails[Math.floor(r() * emails.length)] : null;
        const ref = who >= 0.4 && who < 0.6 ? `cust-${Math.floor(r() * 5000)}` : null;
        const id = ++entryId;
        ledger.add([
          at,
          'purchase',
          c.drop.id,
          c.drop.tier,
          tpIds[c.tp],
          `c${c.drop.id}t${c.tp}`,
          c.v,
          email,
          q,
          2500 * q,
          'EUR',
          'stripe',
          `pi_${id}`,
          ref,
          null,
          at,
        ]);
        moves.add([at, c.drop.id, c.drop.tier, -q, 'sale', id, 'bench']);
        entries++;
        if (r() < 0.04) {
          const rid = ++entryId;
          ledger.add([
            at + 3600_000,
            'refund',
            c.drop.id,
            c.drop.tier,
            tpIds[c.tp],
            null,
            null,
            email,
            -1,
            -2500,
            'EUR',
            'stripe',
            `re_${rid}`,
            ref,
            id,
            at + 3600_000,
          ]);
          moves.add([at + 3600_000, c.drop.id, c.drop.tier, 1, 'refund', rid, 'bench']);
          entries++;
        }
      }
    }
    clickRows.end();
    ledger.end();
    moves.end();
    db.exec(`UPDATE drop_tiers SET units_sold = (SELECT coalesce(-sum(delta), 0) FROM inventory_movements m
      WHERE m.tier_id = drop_tiers.id AND m.reason IN ('sale', 'refund'))`);
  }).immediate();

  for (const showId of showIds) {
    s.insights.shows.setCost({ id: showId, touchpoint: 'stream', amountCents: 5000, currency: 'EUR' }, actor);
    s.insights.shows.setCost({ id: showId, touchpoint: 'ana', amountCents: 12_000, currency: 'EUR' }, actor);
    s.insights.shows.setSplits(
      {
        id: showId,
        splits: [
          { creator: 'ANA', percent: 12.5 },
          { creator: 'BEN', percent: 7.25 },
        ],
      },
      actor,
    );
  }
  return {
    showIds,
    clicks: (db.prepare('SELECT count(*) AS n FROM clicks').get() as { n: number }).n,
    entries,
  };
}
