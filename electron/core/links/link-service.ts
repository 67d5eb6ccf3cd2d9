import type Database from 'better-sqlite3';
import { DEFAULT_LINK_TTL_SEC, type Link } from '../../../shared/links';
import type { Clock } from '../clock';
import type { CoreEvents } from '../core-events';
import { AppError, notFound } from '../domain-error';
import type { AuditRepo } from '../store/audit-repo';
import type { DropsRepo } from '../store/drops-repo';
import type { LinkRow, LinksRepo, ResolvedLinkRow } from '../store/links-repo';
import type { TouchpointsRepo } from '../store/touchpoints-repo';
import { checkoutLocation } from './checkout-location';
import { newShortCode, SHORT_CODE_PATTERN } from './short-code';
import type { Actor } from '../devices/principal';

export type Resolution =
  | { status: 'ok'; link: ResolvedLinkRow; location: string }
  | { status: 'unknown' | 'expired' | 'revoked'; link: ResolvedLinkRow | null };

/** A link as cached for scans: its row with the answer ready-made (no object built per scan). */
type CachedLink = Extract<Resolution, { status: 'ok' }>;

/** Enough for a viral burst across many links; past it the cache simply starts over. */
const CACHE_LIMIT = 20_000;

/** Issues, rotates, revokes and resolves the short links behind every QR code and DM link. */
export class LinkService {
  /**
   * Scans resolve the same few codes thousands of times a minute: keep each code's row and its
   * ready-made checkout URL. Revoking a link or editing a drop's checkout drops the entries.
   */
  private readonly cache = new Map<string, CachedLink>();
  /** The code resolved last: a burst scans one code, so most scans skip even the map lookup. */
  private last: CachedLink | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly repo: LinksRepo,
    private readonly drops: DropsRepo,
    private readonly touchpoints: TouchpointsRepo,
    private readonly audit: AuditRepo,
    private readonly clock: Clock,
    private readonly publicUrl: () => string,
    /** Optional so existing callers keep working; the relay publisher listens for link changes. */
    private readonly events?: CoreEvents,
  ) {}

  create(dropId: number, touchpointKey: string, ttlSec: number | undefined, actor: Actor): Link {
    const now = this.clock.now();
    const link = this.db
      .transaction(() => {
        if (!this.drops.row(dropId)) throw notFound(`Drop ${dropId}`);
        const tp = this.touchpoints.findByKey(touchpointKey);
        if (!tp) {
          throw new AppError(
            'not_found',
            `Unknown touchpoint "${touchpointKey}". Create it first with POST /api/touchpoints, or use one of: ` +
              this.touchpoints
                .list()
                .map((t) => t.key)
                .join(', '),
          );
        }
        const row = {
          code: newShortCode(),
          drop_id: dropId,
          touchpoint_id: tp.id,
          created_at: now,
          expires_at: now + (ttlSec ?? DEFAULT_LINK_TTL_SEC) * 1000,
          created_by: actor.name,
        };
        this.repo.insert(row);
        this.audit.record({
          actor,
          action: 'link:create',
          subjectType: 'drop',
          subjectId: dropId,
          detail: { code: row.code, touchpoint: tp.key },
          at: now,
        });
        return this.toLink({ ...row, revoked_at: null }, tp.key);
      })
      .immediate();
    this.events?.emit('link:created', link);
    return link;
  }

  /** The touchpoint's live link for this drop, created when there is none (QR overlays call this). */
  current(dropId: number, touchpointKey: string, actor: Actor, maxAgeSec?: number): Link {
    const tp = this.touchpoints.findByKey(touchpointKey);
    if (!tp) throw new AppError('not_found', `Unknown touchpoint "${touchpointKey}".`);
    const now = this.clock.now();
    const row = this.repo.current(dropId, tp.id, now);
    const fresh = row && (maxAgeSec === undefined || now - row.created_at < maxAgeSec * 1000);
    return fresh ? this.toLink(row, tp.key) : this.create(dropId, touchpointKey, undefined, actor);
  }

  revoke(code: string, actor: Actor): Link {
    const now = this.clock.now();
    const link = this.db
      .transaction(() => {
        const row = this.repo.get(code);
        if (!row) throw notFound(`Link ${code}`);
        if (row.revoked_at !== null) throw new AppError('gone', `Link ${code} was already revoked.`);
        this.repo.revoke(code, now);
        this.forgetCode(code);
        this.audit.record({
          actor,
          action: 'link:revoke',
          subjectType: 'drop',
          subjectId: row.drop_id,
          detail: { code },
          at: now,
        });
        const tp = this.touchpoints.findById(row.touchpoint_id);
        return this.toLink({ ...row, revoked_at: now }, tp?.key ?? '?');
      })
      .immediate();
    this.events?.emit('link:revoked', link);
    return link;
  }

  list(dropId: number): Link[] {
    const keys = new Map(this.touchpoints.list().map((t) => [t.id, t.key]));
    return this.repo.listByDrop(dropId).map((r) => this.toLink(r, keys.get(r.touchpoint_id) ?? '?'));
  }

  /** `now` lets the scan path read the clock once per request. */
  resolve(code: string, now = this.clock.now()): Resolution {
    const hit = this.last?.link.code === code ? this.last : this.lookup(code);
    if (!hit) return { status: 'unknown', link: null };
    this.last = hit;
    const { link } = hit;
    if (link.revoked_at !== null) return { status: 'revoked', link };
    if (link.expires_at <= now) return { status: 'expired', link };
    return hit;
  }

  /** Call when a drop's checkout URL changed, so scans stop going to the old one. */
  forgetDrop(dropId: number): void {
    for (const [code, hit] of this.cache) if (hit.link.drop_id === dropId) this.forgetCode(code);
  }

  private lookup(code: string): CachedLink | undefined {
    let hit = this.cache.get(code);
    if (!hit) {
      // Only a well-formed code is worth a query (anything a viewer types arrives here).
      if (!SHORT_CODE_PATTERN.test(code)) return undefined;
      const link = this.repo.resolve(code);
      if (!link) return undefined;
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      hit = { status: 'ok', link, location: checkoutLocation(link) };
      this.cache.set(code, hit);
    }
    return hit;
  }

  private forgetCode(code: string): void {
    this.cache.delete(code);
    if (this.last?.link.code === code) this.last = null;
  }

  toLink(row: LinkRow, touchpointKey: string): Link {
    const url = `${this.publicUrl()}/r/${row.code}`;
    return {
      code: row.code,
      url,
      qrUrl: `${url}?s=qr`,
      dropId: row.drop_id,
      touchpoint: touchpointKey,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
  }
}
