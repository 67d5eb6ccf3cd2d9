import { describe, expect, it } from 'vitest';
import {
  dueCommand,
  LAST_MINUTE_MS,
  nextDeadline,
  transition,
  type DropCommand,
  type DropFacts,
  type Transition,
} from '../../../../electron/core/drops/drop-transitions';

const NOW = Date.UTC(2026, 10, 21, 18, 0, 0);
const MIN = 60_000;

const facts = (over: Partial<DropFacts> = {}): DropFacts => ({
  id: 3,
  state: 'draft',
  durationSec: 300,
  earlyAccessSec: 0,
  scheduledAt: null,
  endsAt: null,
  lastMinuteAt: null,
  stock: 10,
  ...over,
});
const live = (over: Partial<DropFacts> = {}): DropFacts =>
  facts({ state: 'live', endsAt: NOW + 5 * MIN, ...over });

function accepted(t: Transition): Extract<Transition, { ok: true }> {
  if (!t.ok) throw new Error(`expected the transition to be accepted, got: ${t.message}`);
  return t;
}
function refused(t: Transition): Extract<Transition, { ok: false }> {
  if (t.ok) throw new Error(`expected a refusal, got patch ${JSON.stringify(t.patch)}`);
  return t;
}

describe('start', () => {
  it('takes a draft live with the deadline after early access plus the public window', () => {
    const t = accepted(transition(facts({ earlyAccessSec: 120 }), { type: 'start' }, NOW));
    expect(t.patch).toMatchObject({
      state: 'live',
      startedAt: NOW,
      endsAt: NOW + 120_000 + 300_000,
      lastMinuteAt: null,
    });
    expect(t.moment).toBe('start');
  });

  it('starts a scheduled drop early when the host asks', () => {
    const t = accepted(
      transition(facts({ state: 'scheduled', scheduledAt: NOW + 10 * MIN }), { type: 'start' }, NOW),
    );
    expect(t.patch).toMatchObject({ state: 'live', startedAt: NOW, endsAt: NOW + 5 * MIN });
  });

  it.each([
    ['live', 'Drop 3 is already live.'],
    ['ended', 'Drop 3 has ended; it cannot be started again. Create a new drop instead.'],
    ['sold_out', 'Drop 3 is sold out; it cannot be started again. Create a new drop instead.'],
  ] as const)('refuses a %s drop with a clear message', (state, message) => {
    expect(refused(transition(facts({ state }), { type: 'start' }, NOW))).toEqual({
      ok: false,
      code: 'invalid_transition',
      message,
    });
  });

  it('refuses a drop with nothing to sell', () => {
    expect(refused(transition(facts({ stock: 0 }), { type: 'start' }, NOW)).message).toMatch(
      /no stock; restock it/,
    );
  });
});

describe('schedule and unschedule', () => {
  it('schedules a draft and moves a scheduled drop', () => {
    expect(accepted(transition(facts(), { type: 'schedule', at: NOW + MIN }, NOW)).patch).toEqual({
      state: 'scheduled',
      scheduledAt: NOW + MIN,
    });
    const moved = transition(
      facts({ state: 'scheduled', scheduledAt: NOW + MIN }),
      { type: 'schedule', at: NOW + 2 * MIN },
      NOW,
    );
    expect(accepted(moved).patch.scheduledAt).toBe(NOW + 2 * MIN);
  });

  it('refuses a time in the past as bad input', () => {
    const t = refused(transition(facts(), { type: 'schedule', at: NOW - 1 }, NOW));
    expect(t.code).toBe('bad_request');
    expect(t.message).toMatch(/already past/);
  });

  it('refuses to schedule a drop that already ran', () => {
    expect(refused(transition(live(), { type: 'schedule', at: NOW + MIN }, NOW)).message).toBe(
      'Drop 3 is live; only drafts and scheduled drops can be scheduled.',
    );
  });

  it('unschedules back to draft, and only a scheduled drop', () => {
    const t = transition(facts({ state: 'scheduled', scheduledAt: NOW + MIN }), { type: 'unschedule' }, NOW);
    expect(accepted(t).patch).toEqual({ state: 'draft', scheduledAt: null });
    expect(refused(transition(facts(), { type: 'unschedule' }, NOW)).message).toMatch(
      /there is no schedule to cancel/,
    );
  });
});

describe('scheduled start', () => {
  const scheduled = facts({ state: 'scheduled', scheduledAt: NOW, earlyAccessSec: 60 });

  it('goes live on the announced window when the time comes', () => {
    const t = accepted(transition(scheduled, { type: 'scheduledStart', offline: false }, NOW));
    expect(t.patch).toMatchObject({ state: 'live', startedAt: NOW, endsAt: NOW + 6 * MIN });
    expect(t.moment).toBe('start');
  });

  it('a late start keeps the announced deadline', () => {
    const t = accepted(transition(scheduled, { type: 'scheduledStart', offline: true }, NOW + 2 * MIN));
    expect(t.patch).toMatchObject({ state: 'live', startedAt: NOW, endsAt: NOW + 6 * MIN });
  });

  it('ends without going live when its whole window passed while DropDeck was closed', () => {
    const t = accepted(transition(scheduled, { type: 'scheduledStart', offline: true }, NOW + 6 * MIN));
    expect(t.patch).toEqual({ state: 'ended', endedAt: NOW + 6 * MIN, endedReason: 'missed-while-offline' });
    expect(t.moment).toBeNull();
  });
});

describe('extend', () => {
  it('moves the deadline of a live drop', () => {
    expect(accepted(transition(live(), { type: 'extend', seconds: 30 }, NOW)).patch.endsAt).toBe(
      NOW + 5 * MIN + 30_000,
    );
  });

  it('re-arms the last-minute moment when the extension leaves more than a minute', () => {
    const inLastMinute = live({ endsAt: NOW + 30_000, lastMinuteAt: NOW - 30_000 });
    expect(
      accepted(transition(inLastMinute, { type: 'extend', seconds: 120 }, NOW)).patch.lastMinuteAt,
    ).toBeNull();
    expect(accepted(transition(inLastMinute, { type: 'extend', seconds: 10 }, NOW)).patch.lastMinuteAt).toBe(
      NOW - 30_000,
    );
  });

  it.each([
    ['ended', 'Drop 3 has ended; it cannot be extended.'],
    ['sold_out', 'Drop 3 is sold out; restock it to re-open it, then extend it.'],
    ['draft', 'Drop 3 is still a draft; change its duration instead of extending it.'],
  ] as const)('refuses a %s drop', (state, message) => {
    expect(refused(transition(facts({ state }), { type: 'extend', seconds: 30 }, NOW)).message).toBe(message);
  });

  it('refuses a live drop whose time already ran out', () => {
    expect(refused(transition(live({ endsAt: NOW }), { type: 'extend', seconds: 30 }, NOW)).message).toMatch(
      /has ended/,
    );
  });
});

describe('end', () => {
  it('ends a live or sold-out drop now, by the host', () => {
    for (const state of ['live', 'sold_out'] as const) {
      const t = accepted(transition(live({ state }), { type: 'end' }, NOW));
      expect(t.patch).toEqual({ state: 'ended', endedAt: NOW, endedReason: 'host' });
      expect(t.moment).toBe('end');
    }
  });

  it('refuses drafts, scheduled and ended drops', () => {
    expect(refused(transition(facts(), { type: 'end' }, NOW)).message).toMatch(
      /still a draft; there is nothing to end/,
    );
    expect(refused(transition(facts({ state: 'scheduled' }), { type: 'end' }, NOW)).message).toMatch(
      /Cancel its schedule instead/,
    );
    expect(refused(transition(facts({ state: 'ended' }), { type: 'end' }, NOW)).message).toBe(
      'Drop 3 has already ended.',
    );
  });
});

describe('restock', () => {
  const restock: DropCommand = { type: 'restock', units: 5 };

  it('adds stock without a state change to drafts and live drops', () => {
    expect(accepted(transition(facts(), restock, NOW)).patch).toEqual({});
    expect(accepted(transition(live(), restock, NOW)).patch).toEqual({});
  });

  it('re-opens a sold-out drop that still has time (flash restock)', () => {
    expect(accepted(transition(live({ state: 'sold_out', stock: 0 }), restock, NOW)).patch).toEqual({
      state: 'live',
    });
  });

  it('cannot re-open a sold-out drop whose time is up', () => {
    const t = refused(transition(live({ state: 'sold_out', stock: 0, endsAt: NOW }), restock, NOW));
    expect(t.message).toMatch(/sold out and its time is up/);
  });

  it('refuses an ended drop and a non-positive amount', () => {
    expect(refused(transition(facts({ state: 'ended' }), restock, NOW)).message).toBe(
      'Drop 3 has ended; it cannot be restocked.',
    );
    expect(refused(transition(live(), { type: 'restock', units: 0 }, NOW)).code).toBe('bad_request');
  });
});

describe('timed transitions', () => {
  it('sells out a live drop only when nothing is left', () => {
    expect(accepted(transition(live({ stock: 0 }), { type: 'soldOut' }, NOW))).toEqual({
      ok: true,
      patch: { state: 'sold_out' },
      moment: 'soldOut',
    });
    expect(refused(transition(live({ stock: 2 }), { type: 'soldOut' }, NOW)).message).toBe(
      'Drop 3 still has 2 left.',
    );
  });

  it('expires at the deadline, recording the deadline as the end', () => {
    const t = accepted(transition(live(), { type: 'expire', offline: false }, NOW + 7 * MIN));
    expect(t.patch).toEqual({ state: 'ended', endedAt: NOW + 5 * MIN, endedReason: 'time' });
    expect(t.moment).toBe('end');
    expect(refused(transition(live(), { type: 'expire', offline: false }, NOW)).ok).toBe(false);
  });

  it('an end found at restart is quiet: no stale stream moment', () => {
    const t = accepted(transition(live(), { type: 'expire', offline: true }, NOW + 7 * MIN));
    expect(t.patch.endedReason).toBe('expired-while-offline');
    expect(t.moment).toBeNull();
  });

  it('marks the last minute once', () => {
    const lm = accepted(transition(live({ endsAt: NOW + LAST_MINUTE_MS }), { type: 'lastMinute' }, NOW));
    expect(lm).toEqual({ ok: true, patch: { lastMinuteAt: NOW }, moment: 'lastMinute' });
    expect(
      refused(transition(live({ endsAt: NOW + 30_000, lastMinuteAt: NOW }), { type: 'lastMinute' }, NOW)).ok,
    ).toBe(false);
    expect(refused(transition(live(), { type: 'lastMinute' }, NOW)).message).toMatch(
      /not in its last minute/,
    );
  });
});

describe('dueCommand and nextDeadline', () => {
  it('asks for nothing while a drop has time left', () => {
    expect(dueCommand(live(), NOW)).toBeNull();
    expect(dueCommand(facts(), NOW)).toBeNull();
    expect(nextDeadline(live())).toBe(NOW + 4 * MIN);
    expect(nextDeadline(facts())).toBeNull();
  });

  it('names the due step: scheduled start, expiry before sold out, then the last minute', () => {
    expect(dueCommand(facts({ state: 'scheduled', scheduledAt: NOW }), NOW, true)).toEqual({
      type: 'scheduledStart',
      offline: true,
    });
    expect(dueCommand(live({ stock: 0 }), NOW + 5 * MIN)).toEqual({ type: 'expire', offline: false });
    expect(dueCommand(live({ stock: 0 }), NOW)).toEqual({ type: 'soldOut' });
    expect(dueCommand(live(), NOW + 4 * MIN)).toEqual({ type: 'lastMinute' });
    expect(dueCommand(live({ lastMinuteAt: NOW + 4 * MIN }), NOW + 4 * MIN + 1)).toBeNull();
  });

  it('after the last minute, the next deadline is the end', () => {
    expect(nextDeadline(live({ lastMinuteAt: NOW }))).toBe(NOW + 5 * MIN);
    expect(nextDeadline(facts({ state: 'scheduled', scheduledAt: NOW + MIN }))).toBe(NOW + MIN);
    expect(nextDeadline(live({ state: 'sold_out' }))).toBeNull();
  });
});
