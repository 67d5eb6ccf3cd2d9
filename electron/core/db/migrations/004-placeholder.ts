import type { Migration } from '../migrate';

/**
 * Placeholder so the chat migration keeps its number (7) on this branch; another branch owns
 * version 4. The lead replaces or renumbers it when merging.
 */
export const migration004: Migration = {
  version: 4,
  name: '004-placeholder',
  up() {},
};
