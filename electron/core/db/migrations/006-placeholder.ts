import type { Migration } from '../migrate';

/**
 * Placeholder so the chat migration keeps its number (7) on this branch; another branch owns
 * version 6. The lead replaces or renumbers it when merging.
 */
export const migration006: Migration = {
  version: 6,
  name: '006-placeholder',
  up() {},
};
