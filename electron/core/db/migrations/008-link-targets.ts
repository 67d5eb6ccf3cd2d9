import type { Migration } from '../migrate';

/**
 * When a drop's checkout URL last changed. The edge relay holds every link's redirect target; a
 * host who fixes the shop URL of a draft after printing its venue QR must see the relay follow, so
 * the publisher re-sends a drop's links whenever this moves (and only then: sales and clock changes
 * touch `updated_at` all show long, which would re-send every link each sync).
 */
export const migration008: Migration = {
  version: 8,
  name: '008-link-targets',
  up(db) {
    db.exec('ALTER TABLE drops ADD COLUMN checkout_changed_at INTEGER NOT NULL DEFAULT 0');
  },
};
