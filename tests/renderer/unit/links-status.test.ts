import { describe, expect, it } from 'vitest';
import type { Link } from '../../../shared/links';
import {
  linkStatus,
  mergeLinks,
  qrFileName,
  slug,
  splitLinks,
  timeLeft,
} from '../../../renderer/src/links/link-status';

const NOW = 1_800_000_000_000;
const link = (code: string, over: Partial<Link> = {}): Link => ({
  code,
  url: `https://d.example/r/${code}`,
  qrUrl: `https://d.example/r/${code}?s=qr`,
  dropId: 1,
  touchpoint: 'venue',
  createdAt: NOW - 1000,
  expiresAt: NOW + 3600_000,
  revokedAt: null,
  ...over,
});

describe('link status', () => {
  it('is revoked before expired, and expired exactly at its expiry', () => {
    expect(linkStatus(link('a'), NOW)).toBe('active');
    expect(linkStatus(link('a', { expiresAt: NOW }), NOW)).toBe('expired');
    expect(linkStatus(link('a', { expiresAt: NOW - 1, revokedAt: NOW - 5 }), NOW)).toBe('revoked');
  });

  it('puts active links first, newest first in each group', () => {
    const { active, past } = splitLinks(
      [
        link('old', { createdAt: NOW - 9000 }),
        link('gone', { revokedAt: NOW - 1, createdAt: NOW - 100 }),
        link('new', { createdAt: NOW - 10 }),
        link('stale', { expiresAt: NOW - 1, createdAt: NOW - 50 }),
      ],
      NOW,
    );
    expect(active.map((l) => l.code)).toEqual(['new', 'old']);
    expect(past.map((l) => l.code)).toEqual(['stale', 'gone']);
  });

  it('keeps a revocation when an older list still says active, and adds links the list lacks', () => {
    const merged = mergeLinks([link('a'), link('b')], [link('a', { revokedAt: NOW }), link('c')]);
    expect(merged.map((l) => [l.code, l.revokedAt])).toEqual([
      ['a', NOW],
      ['b', null],
      ['c', null],
    ]);
    // The fetched copy of a revoked link is never replaced by an older active one.
    expect(mergeLinks([link('a', { revokedAt: NOW })], [link('a')])[0].revokedAt).toBe(NOW);
  });

  it('says roughly how long is left', () => {
    expect(timeLeft(NOW + 20_000, NOW)).toBe('in 1 min');
    expect(timeLeft(NOW + 12 * 60_000, NOW)).toBe('in 12 min');
    expect(timeLeft(NOW + 6 * 3600_000, NOW)).toBe('in 6 h');
    expect(timeLeft(NOW + 30 * 86_400_000, NOW)).toBe('in 30 days');
  });
});

describe('QR file names', () => {
  it('name the drop, touchpoint and code in plain file-safe words', () => {
    expect(slug('Glow Mug — XL (limited)!')).toBe('glow-mug-xl-limited');
    expect(slug('Café crème')).toBe('cafe-creme');
    expect(slug('🔥🔥')).toBe('drop');
    expect(slug('a'.repeat(60))).toHaveLength(40);
    expect(qrFileName('Glow Mug', 'venue', 'Ab12Cd34', 'svg')).toBe(
      'dropdeck-glow-mug-venue-qr-Ab12Cd34.svg',
    );
  });
});
