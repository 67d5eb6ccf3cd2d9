/**
 * Who may call what. A paired device has one role; the host token is the `host` role. Commands declare
 * the least role they need: `public` (no token), `cohost` (host and co-hosts) or `host` (host only).
 */
export const ROLES = ['host', 'cohost'] as const;
export type Role = (typeof ROLES)[number];

export const ACCESS_LEVELS = ['public', 'cohost', 'host'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

const RANK: Record<Access, number> = { public: 0, cohost: 1, host: 2 };

/** True when a caller with `role` (null: no token) may use something declared with `access`. */
export function allows(access: Access, role: Role | null): boolean {
  return RANK[role ?? 'public'] >= RANK[access];
}
