import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import { Announcer } from '../../../../electron/core/chat/announcer';
import { ChatSettingsStore } from '../../../../electron/core/chat/chat-settings';
import { CoreEvents } from '../../../../electron/core/core-events';
import { migrate } from '../../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../../electron/core/db/migrations';
import { createLogger } from '../../../../electron/core/log';
import { SettingsRepo } from '../../../../electron/core/store/settings-repo';
import { dropRecord } from '../../../support/drop-record';
import { ManualClock } from '../../../support/manual-clock';

const base: Drop = dropRecord({
  title: 'Tote',
  state: 'live',
  stock: 20,
  checkoutUrl: 'https://shop.example.com/c',
  startedAt: 0,
  publicAt: 0,
  endsAt: 300_000,
});

describe('the stats announcer', () => {
  let db: Database.Database;
  let clock: ManualClock;
  let events: CoreEvents;
  let said: string[];
  let current: Drop;
  let announcer: Announcer;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    clock = new ManualClock(0);
    events = new CoreEvents();
    said = [];
    current = { ...base, startedAt: clock.now(), endsAt: clock.now() + 300_000 };
    const settings = new ChatSettingsStore(new SettingsRepo(db));
    settings.update({ announceGapSec: 20 });
    announcer = new Announcer({
      events,
      settings,
      recognition: { dropTotals: () => ({ units: current.sold, buyers: current.sold }) },
      clock,
      log: createLogger('test', true),
      drop: () => current,
      say: (text) => said.push(text),
    });
  });
  afterEach(() => {
    announcer.stop();
    db.close();
    vi.useRealTimers();
  });

  const update = (patch: Partial<Drop>): void => {
    current = { ...current, ...patch };
    events.emit('drop:updated', current);
  };
  const after = (ms: number): void => {
    clock.advance(ms);
    vi.advanceTimersByTime(ms);
  };

  it('says the start at once, holds milestones inside the gap and says the latest with fresh numbers', () => {
    events.emit('drop:moment', 'start', current);
    expect(said).toEqual(['🔴 Tote is live: 20 units at €25.00, ends in 5:00. Type !claim to reserve one.']);
    after(5_000);
    update({ stock: 10, sold: 10 }); // half gone, and last ten, inside the 20 s gap
    update({ stock: 9, sold: 11 });
    expect(said).toHaveLength(1);
    after(15_000);
    // One announcement for the burst: the newest milestone, with the numbers at the time it is said.
    expect(said.slice(1)).toEqual(['Only 9 Tote left!']);
    update({ stock: 8, sold: 12 });
    after(60_000);
    expect(said).toHaveLength(2); // each milestone once per run
  });

  it('always says sold out at once, drops a pending milestone, and says a restock', () => {
    events.emit('drop:moment', 'start', current);
    after(1_000);
    update({ stock: 10, sold: 10 });
    update({ stock: 0, sold: 20, state: 'sold_out' });
    events.emit('drop:moment', 'soldOut', current);
    expect(said[1]).toBe('Tote is sold out: 20 units to 20 buyers. Thank you!');
    after(60_000);
    expect(said).toHaveLength(2);
    update({ stock: 5, state: 'live' });
    expect(said[2]).toBe('Tote is back: 5 more available, ends in 3:59.');
  });
});
