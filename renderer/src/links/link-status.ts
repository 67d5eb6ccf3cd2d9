import type { Link } from '../../../shared/links';

export type LinkStatus = 'active' | 'expired' | 'revoked';

export function linkStatus(link: Link, now: number): LinkStatus {
  if (link.revokedAt !== null) return 'revoked';
  return link.expiresAt <= now ? 'expired' : 'active';
}

/** Active links first (what the host prints or pastes), then the past ones; newest first in each. */
export function splitLinks(links: readonly Link[], now: number): { active: Link[]; past: Link[] } {
  const newest = [...links].sort((a, b) => b.createdAt - a.createdAt);
  return {
    active: newest.filter((l) => linkStatus(l, now) === 'active'),
    past: newest.filter((l) => linkStatus(l, now) !== 'active'),
  };
}

/** Expiry choices for a new link; 48 h is the core's default, 90 days its maximum. */
export const EXPIRY_CHOICES = [
  { label: '1 hour', ttlSec: 3600 },
  { label: '6 hours', ttlSec: 6 * 3600 },
  { label: '48 hours', ttlSec: 48 * 3600 },
  { label: '7 days', ttlSec: 7 * 24 * 3600 },
  { label: '30 days (print)', ttlSec: 30 * 24 * 3600 },
  { label: '90 days (print)', ttlSec: 90 * 24 * 3600 },
] as const;
export const DEFAULT_EXPIRY_SEC = 48 * 3600;

/** "in 3 h", "in 12 min", "in 6 days" — rough on purpose: the exact time sits next to it. */
export function timeLeft(untilMs: number, now: number): string {
  const sec = Math.max(0, Math.round((untilMs - now) / 1000));
  if (sec < 3600) return `in ${Math.max(1, Math.round(sec / 60))} min`;
  if (sec < 48 * 3600) return `in ${Math.round(sec / 3600)} h`;
  return `in ${Math.round(sec / 86400)} days`;
}

/** Lowercase words joined by "-", for file names: "Glow Mug (XL)!" → "glow-mug-xl". */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'drop';
}

/** `dropdeck-glow-mug-venue-qr-Ab12Cd34.png`: which drop and touchpoint a printed code belongs to. */
export function qrFileName(dropTitle: string, touchpoint: string, code: string, ext: 'png' | 'svg'): string {
  return `dropdeck-${slug(dropTitle)}-${touchpoint}-qr-${code}.${ext}`;
}

/**
 * A fetched list plus links this screen got back from the API since (created, revoked): new codes
 * are added, and a revoked copy beats an active one whichever answer is older — a revocation never
 * comes undone.
 */
export function mergeLinks(fetched: readonly Link[], local: readonly Link[]): Link[] {
  const byCode = new Map(fetched.map((l) => [l.code, l]));
  for (const l of local) {
    const known = byCode.get(l.code);
    if (!known || (l.revokedAt !== null && known.revokedAt === null)) byCode.set(l.code, l);
  }
  return [...byCode.values()];
}
