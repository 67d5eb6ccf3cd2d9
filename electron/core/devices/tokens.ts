import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time token comparison (hash first so lengths never leak). */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Resolves a presented token to an actor name, or null when it is not valid. */
export type TokenResolver = (token: string) => string | null;
