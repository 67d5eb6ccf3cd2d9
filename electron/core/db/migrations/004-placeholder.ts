import type { Migration } from '../migrate';

/**
 * Holds number 4 for the ingestion half of issue 8 (built on another branch) so that the insights
 * migration can be 5. The lead replaces this file with the real 004 at merge; it changes nothing.
 */
export const migration004: Migration = {
  version: 4,
  name: '004-placeholder',
  up() {},
};
