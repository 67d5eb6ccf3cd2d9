import type { Migration } from '../migrate';

/**
 * Placeholder so the chat migration keeps its number (7) on this branch; another branch owns
 * version 5. The lead replaces or renumbers it when merging.
 */
export const migration005: Migration = {
  version: 5,
  name: '005-placeholder',
  up() {},
};
