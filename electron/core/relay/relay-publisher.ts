import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { PublishBody, RelayLink } from '../../../shared/relay';
import type { DropStates } from '../clicks/drop-states';
import type { VisitorIds } from '../clicks/visitor-id';
import type { Clock } from '../clock';
import { shopCheckoutUrl } from '../links/checkout-location';
import { RESOLVED_LINK_SELECT, type ResolvedLinkRow } from '../store/links-repo';
import type { RelayHttp } from './relay-http';

const PublishAnswer = z.object({ ok: z.literal(true) });
const LINKS_PER_REQUEST = 2000;

/**
 * Sends the relay what it needs to answer scans alone: links changed since the last accepted publish
 * (new, revoked, or their drop's checkout URL edited — a watermark in `relay_marks`, so changes made
 * while the relay was unreachable, or while DropDeck was closed, go out on the next try), every
 * drop's state, the next scheduled drop and the visitor salts (today, tomorrow, yesterday).
 */
export class RelayPublisher {
  private readonly changedLinks;
  private readonly getMark;
  private readonly setMark;
  private dirty = true;
  private saltsSentFor: string | null = null;

  constructor(
    db: Database.Database,
    private readonly http: RelayHttp,
    private readonly dropStates: DropStates,
    private readonly visitors: VisitorIds,
    private readonly clock: Clock,
  ) {
    this.changedLinks = db.prepare<[number, number, number], ResolvedLinkRow & { changed_at: number }>(`
      SELECT * FROM (
        SELECT r.*, max(r.created_at, coalesce(r.revoked_at, 0), r.checkout_changed_at) AS changed_at
        FROM (${RESOLVED_LINK_SELECT}) r
      ) WHERE changed_at >= ? AND (expires_at > ? OR revoked_at IS NOT NULL)
      ORDER BY changed_at LIMIT ?`);
    this.getMark = db.prepare<[string], number>('SELECT value FROM relay_marks WHERE key = ?').pluck();
    this.setMark = db.prepare(
      'INSERT INTO relay_marks (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /** Something changed (a link, a drop): publish on the next run. */
  markDirty(): void {
    this.dirty = true;
  }

  get pending(): boolean {
    return this.dirty;
  }

  /** Publishes what changed; throws (and stays dirty) when the relay refuses or can't be reached. */
  async run(): Promise<void> {
    const now = this.clock.now();
    const today = new Date(now).toISOString().slice(0, 10);
    if (!this.dirty && this.saltsSentFor === today) return;
    this.dirty = false;
    try {
      const linkMark = this.getMark.get('links') ?? 0;
      const dropMark = this.getMark.get('drops') ?? 0;
      const rows = this.changedLinks.all(linkMark, now, LINKS_PER_REQUEST);
      const drops = this.dropStates
        .all()
        .filter((d) => d.updatedAt >= dropMark)
        .map((d) => ({ id: d.id, state: d.state, endsAt: d.endsAt, updatedAt: d.updatedAt }));
      const body: PublishBody = {
        links: rows.map(toRelayLink),
        drops,
        next: { drop: this.dropStates.next(now), at: now },
        salts:
          this.saltsSentFor === today
            ? []
            : this.visitors.saltsAround(now).map((s) => ({ day: s.day, salt: s.salt.toString('base64') })),
      };
      await this.http.post('/v1/publish', body, PublishAnswer);
      if (rows.length > 0) this.setMark.run('links', rows[rows.length - 1].changed_at);
      if (drops.length > 0) this.setMark.run('drops', Math.max(...drops.map((d) => d.updatedAt)));
      this.saltsSentFor = today;
      // A full page means more changed links wait: go again next run.
      if (rows.length === LINKS_PER_REQUEST) this.dirty = true;
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }
}

function toRelayLink(row: ResolvedLinkRow): RelayLink {
  return {
    code: row.code,
    // Straight to the shop: a stock hold needs the laptop (it owns the stock), and the edge answers
    // exactly when the laptop may be out of reach. Scans that reach the laptop still take holds.
    location: shopCheckoutUrl(row, row.code),
    dropId: row.drop_id,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
