import { DurableObject } from 'cloudflare:workers';
import type { PublishBody, RelayScan, ScanOutcome, ScanPage } from '../../shared/relay';
import type { NextDrop } from '../../electron/core/http/pages/link-problem-page';
import { newEdgeId } from './edge-id';
import { fromBase64, toBase64, utcDay, visitorId } from './visitor';
import { SHARD_SCHEMA } from './shard-schema';

const DAY_MS = 24 * 3600 * 1000;
const REPLAY_WINDOW_MS = 60_000;
/** Unsynced scans older than this are dropped: a laptop gone for a week has bigger problems. */
const SCAN_RETENTION_MS = 7 * DAY_MS;

export type ScanAnswer =
  { redirect: string } | { problem: Exclude<ScanOutcome, 'ok'>; next: NextDrop | null };

interface LinkEntry {
  location: string;
  dropId: number;
  expiresAt: number;
  revokedAt: number | null;
}

interface Pending {
  row: [string, number, string, string, ArrayBuffer, ArrayBuffer, number, string];
  done: () => void;
  fail: (e: unknown) => void;
}

/**
 * One shard of the relay: the links whose codes hash here, every drop's state, the visitor salts,
 * and the scans it answered, in its own SQLite. A scan is answered only once its row is durable
 * (the output gate holds the reply until the write is confirmed).
 *
 * Writes are batched per shard: scans that arrive while a write is pending join the next one, so a
 * burst costs one durable commit per batch rather than one per scan (on local disk each commit is an
 * fsync). `BATCH_WRITES=0` turns this off, for the bench's comparison.
 */
export class ScanShard extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly links = new Map<string, LinkEntry | null>();
  private readonly drops = new Map<number, { state: string; endsAt: number | null }>();
  private readonly salts = new Map<string, Uint8Array>();
  private next: NextDrop | null = null;
  private pending: Pending[] = [];
  private flushScheduled = false;
  private readonly batching: boolean;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.batching = env.BATCH_WRITES !== '0';
    this.sql.exec(SHARD_SCHEMA);
    for (const d of this.sql.exec<{ id: number; state: string; ends_at: number | null }>(
      'SELECT id, state, ends_at FROM drops',
    )) {
      this.drops.set(d.id, { state: d.state, endsAt: d.ends_at });
    }
    for (const s of this.sql.exec<{ day: string; salt: ArrayBuffer }>('SELECT day, salt FROM salts')) {
      this.salts.set(s.day, new Uint8Array(s.salt));
    }
    const next = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'next'").toArray()[0];
    this.next = next ? (JSON.parse(next.value) as NextDrop | null) : null;
  }

  async scan(
    code: string,
    via: 'qr' | 'link',
    ip: string,
    userAgent: string,
    bot: boolean,
  ): Promise<ScanAnswer> {
    const now = Date.now();
    const link = this.link(code);
    const outcome = this.outcome(link, now);
    const current = await visitorId(this.salt(utcDay(now)), ip, userAgent);
    const yesterday = now % DAY_MS < 3600_000 ? this.salts.get(utcDay(now - DAY_MS)) : undefined;
    const previous = yesterday ? await visitorId(yesterday, ip, userAgent) : current;
    const row: Pending['row'] = [
      newEdgeId(now),
      now,
      code,
      via,
      current.buffer as ArrayBuffer,
      previous.buffer as ArrayBuffer,
      bot ? 1 : 0,
      outcome,
    ];
    await this.store(row);
    if (outcome === 'ok' && link) return { redirect: link.location };
    return { problem: outcome === 'ok' ? 'unknown' : outcome, next: this.next };
  }

  /** Applies what the laptop published. Revocations stick; drop states only move forward in time. */
  publish(body: Required<Omit<PublishBody, 'next'>> & Pick<PublishBody, 'next'>): void {
    this.ctx.storage.transactionSync(() => {
      for (const l of body.links) {
        this.sql.exec(
          `INSERT INTO links (code, location, drop_id, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (code) DO UPDATE SET location = excluded.location, drop_id = excluded.drop_id,
             expires_at = excluded.expires_at, revoked_at = coalesce(links.revoked_at, excluded.revoked_at)`,
          l.code,
          l.location,
          l.dropId,
          l.expiresAt,
          l.revokedAt,
        );
        this.links.delete(l.code);
      }
      for (const d of body.drops) {
        this.sql.exec(
          `INSERT INTO drops (id, state, ends_at, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET state = excluded.state, ends_at = excluded.ends_at,
             updated_at = excluded.updated_at WHERE excluded.updated_at >= drops.updated_at`,
          d.id,
          d.state,
          d.endsAt,
          d.updatedAt,
        );
        const row = this.sql
          .exec<{ state: string; ends_at: number | null }>(
            'SELECT state, ends_at FROM drops WHERE id = ?',
            d.id,
          )
          .one();
        this.drops.set(d.id, { state: row.state, endsAt: row.ends_at });
      }
      if (body.next) {
        const at =
          this.sql.exec<{ at: number }>("SELECT at FROM meta WHERE key = 'next'").toArray()[0]?.at ?? -1;
        if (body.next.at >= at) {
          this.sql.exec(
            "INSERT OR REPLACE INTO meta (key, value, at) VALUES ('next', ?, ?)",
            JSON.stringify(body.next.drop),
            body.next.at,
          );
          this.next = body.next.drop;
        }
      }
      // The laptop owns the salts: its salt replaces one this shard had to make up while alone.
      for (const s of body.salts) {
        const salt = fromBase64(s.salt);
        this.sql.exec(
          'INSERT OR REPLACE INTO salts (day, salt, made_here) VALUES (?, ?, 0)',
          s.day,
          salt.buffer,
        );
        this.salts.set(s.day, salt);
      }
      this.prune(Date.now());
    });
  }

  /** Scans after `after`, oldest first; asking for them acknowledges (and deletes) those up to `after`. */
  pull(shard: number, after: number, limit: number): ScanPage {
    this.sql.exec('DELETE FROM scans WHERE seq <= ?', after);
    const rows = this.sql
      .exec<{
        seq: number;
        id: string;
        at: number;
        code: string;
        via: 'qr' | 'link';
        visitor_id: ArrayBuffer;
        previous_id: ArrayBuffer;
        bot: number;
        outcome: ScanOutcome;
      }>('SELECT * FROM scans WHERE seq > ? ORDER BY seq LIMIT ?', after, limit + 1)
      .toArray();
    const scans: RelayScan[] = rows.slice(0, limit).map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at,
      code: r.code,
      via: r.via,
      visitorId: toBase64(new Uint8Array(r.visitor_id)),
      previousId: toBase64(new Uint8Array(r.previous_id)),
      bot: r.bot === 1,
      outcome: r.outcome,
    }));
    return { shard, scans, cursor: scans.at(-1)?.seq ?? after, more: rows.length > limit };
  }

  /** True when this nonce was already used inside the replay window (then the request is refused). */
  seen(nonce: string, now: number): boolean {
    this.sql.exec('DELETE FROM nonces WHERE at < ?', now - 2 * REPLAY_WINDOW_MS);
    if (this.sql.exec('SELECT 1 FROM nonces WHERE nonce = ?', nonce).toArray().length > 0) return true;
    this.sql.exec('INSERT INTO nonces (nonce, at) VALUES (?, ?)', nonce, now);
    return false;
  }

  private store(row: Pending['row']): Promise<void> {
    if (!this.batching) {
      this.sql.exec(INSERT_SCAN, ...row);
      return Promise.resolve();
    }
    return new Promise((done, fail) => {
      this.pending.push({ row, done, fail });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      // Every scan that reaches this shard before the timer fires shares one commit.
      setTimeout(() => this.flush(), 0);
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    try {
      this.ctx.storage.transactionSync(() => {
        for (const p of batch) this.sql.exec(INSERT_SCAN, ...p.row);
      });
    } catch (error) {
      for (const p of batch) p.fail(error);
      return;
    }
    for (const p of batch) p.done();
  }

  private link(code: string): LinkEntry | null {
    if (!this.links.has(code)) {
      const r = this.sql
        .exec<{ location: string; drop_id: number; expires_at: number; revoked_at: number | null }>(
          'SELECT location, drop_id, expires_at, revoked_at FROM links WHERE code = ?',
          code,
        )
        .toArray()[0];
      if (this.links.size > 50_000) this.links.clear();
      this.links.set(
        code,
        r
          ? { location: r.location, dropId: r.drop_id, expiresAt: r.expires_at, revokedAt: r.revoked_at }
          : null,
      );
    }
    return this.links.get(code) ?? null;
  }

  /** Same rules as the laptop: revoked, expired, then the drop being over (a passed deadline counts). */
  private outcome(link: LinkEntry | null, now: number): ScanOutcome {
    if (!link) return 'unknown';
    if (link.revokedAt !== null) return 'revoked';
    if (link.expiresAt <= now) return 'expired';
    const drop = this.drops.get(link.dropId);
    if (drop?.state === 'sold_out') return 'sold_out';
    if (drop?.state === 'ended') return 'ended';
    if (drop?.state === 'live' && drop.endsAt !== null && drop.endsAt <= now) return 'ended';
    return 'ok';
  }

  /** The day's salt; made here (and replaced by the laptop's later) if the laptop never sent one. */
  private salt(day: string): Uint8Array {
    let salt = this.salts.get(day);
    if (!salt) {
      salt = crypto.getRandomValues(new Uint8Array(32));
      this.sql.exec('INSERT OR IGNORE INTO salts (day, salt, made_here) VALUES (?, ?, 1)', day, salt.buffer);
      this.salts.set(day, salt);
    }
    return salt;
  }

  private prune(now: number): void {
    const oldest = utcDay(now - 2 * DAY_MS);
    this.sql.exec('DELETE FROM salts WHERE day < ?', oldest);
    for (const day of this.salts.keys()) if (day < oldest) this.salts.delete(day);
    this.sql.exec('DELETE FROM scans WHERE at < ?', now - SCAN_RETENTION_MS);
  }
}

const INSERT_SCAN =
  'INSERT INTO scans (id, at, code, via, visitor_id, previous_id, bot, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
