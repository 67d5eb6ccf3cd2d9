import type { Migration } from '../migrate';

/**
 * Stand-in for migration 2, which is being written on another branch; the lead replaces this file
 * with the real one at merge so that 003 keeps its number.
 */
export const migration002: Migration = {
  version: 2,
  name: '002-placeholder',
  up() {},
};
