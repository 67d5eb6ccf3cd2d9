import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../../electron/core/db/migrations';

describe('migration 008 (when a drop’s checkout URL changed)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 7));
    db.prepare(
      "INSERT INTO drops (title, currency, checkout_url, duration_sec, created_at, updated_at) VALUES ('Old mug', 'EUR', 'https://shop.example/a', 300, 1, 1)",
    ).run();
    migrate(db, MIGRATIONS.slice(0, 8));
  });
  afterEach(() => db.close());

  it('gives existing drops "never changed", so upgrading re-sends nothing to the relay', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT title, checkout_changed_at FROM drops').get()).toEqual({
      title: 'Old mug',
      checkout_changed_at: 0,
    });
    // STRICT still holds for the new column.
    expect(() => db.prepare("UPDATE drops SET checkout_changed_at = 'soon'").run()).toThrow(
      /cannot store TEXT/,
    );
  });
});
