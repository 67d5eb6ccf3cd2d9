import { MAX_SCHEDULE_AHEAD_MS, type DropState } from '../../../shared/drops';
import type { ErrorCode } from '../../../shared/result';
import type { CoreEventMap } from '../core-events';
import type { DropLifecyclePatch } from '../store/drops-repo';

/**
 * The drop state machine as a pure function: (drop, command, now) → a lifecycle patch or a refusal a
 * host can read. No I/O here, so every rule is unit-testable; the engine persists and announces.
 *
 *   draft ⇄ scheduled → live → sold_out | ended      (sold_out → live on a restock while time remains)
 */

export type DropMoment = CoreEventMap['drop:moment'][0];

/** The "last minute" moment fires when this much time is left (on-stream urgency, OBS actions). */
export const LAST_MINUTE_MS = 60_000;

/** Why a drop ended; stored in `drops.ended_reason`. */
export type EndReason = 'host' | 'time' | 'expired-while-offline' | 'missed' | 'missed-while-offline';

export type DropCommand =
  | { type: 'schedule'; at: number }
  | { type: 'unschedule' }
  | { type: 'start' }
  /** A scheduled drop reaching its time (timer or restart), on the announced window. */
  | { type: 'scheduledStart'; offline: boolean }
  | { type: 'extend'; seconds: number }
  | { type: 'end' }
  | { type: 'restock'; units: number }
  | { type: 'soldOut' }
  | { type: 'expire'; offline: boolean }
  | { type: 'lastMinute' };

/** What the rules need to know about a drop. */
export interface DropFacts {
  id: number;
  state: DropState;
  durationSec: number;
  earlyAccessSec: number;
  scheduledAt: number | null;
  endsAt: number | null;
  lastMinuteAt: number | null;
  /** Units still available across all tiers. */
  stock: number;
}

export type Transition =
  | { ok: true; patch: DropLifecyclePatch; moment: DropMoment | null }
  | { ok: false; code: Extract<ErrorCode, 'invalid_transition' | 'bad_request'>; message: string };

const STATE_WORDS: Record<DropState, string> = {
  draft: 'is still a draft',
  scheduled: 'is scheduled and has not started',
  live: 'is live',
  sold_out: 'is sold out',
  ended: 'has ended',
};

const go = (patch: DropLifecyclePatch, moment: DropMoment | null = null): Transition => ({
  ok: true,
  patch,
  moment,
});
const refuse = (
  message: string,
  code: 'invalid_transition' | 'bad_request' = 'invalid_transition',
): Transition => ({
  ok: false,
  code,
  message,
});
const name = (d: DropFacts): string => `Drop ${d.id}`;
/** Early access comes first, then the public window. */
const windowMs = (d: DropFacts): number => (d.earlyAccessSec + d.durationSec) * 1000;

type Rule<C extends DropCommand> = (d: DropFacts, cmd: C, now: number) => Transition;
type Rules = { [K in DropCommand['type']]: Rule<Extract<DropCommand, { type: K }>> };

const RULES: Rules = {
  schedule(d, { at }, now) {
    if (d.state !== 'draft' && d.state !== 'scheduled') {
      return refuse(`${name(d)} ${STATE_WORDS[d.state]}; only drafts and scheduled drops can be scheduled.`);
    }
    if (at <= now)
      return refuse(
        `The start time ${new Date(at).toISOString()} is already past; pick a later time.`,
        'bad_request',
      );
    if (at > now + MAX_SCHEDULE_AHEAD_MS)
      return refuse(
        `The start time ${new Date(at).toISOString()} is more than a year away; check the date.`,
        'bad_request',
      );
    if (d.stock <= 0) return refuse(`${name(d)} has no stock; restock it before scheduling it.`);
    return go({ state: 'scheduled', scheduledAt: at });
  },

  unschedule(d) {
    if (d.state !== 'scheduled')
      return refuse(`${name(d)} ${STATE_WORDS[d.state]}; there is no schedule to cancel.`);
    return go({ state: 'draft', scheduledAt: null });
  },

  start(d, _cmd, now) {
    if (d.state === 'live') return refuse(`${name(d)} is already live.`);
    if (d.state !== 'draft' && d.state !== 'scheduled') {
      return refuse(
        `${name(d)} ${STATE_WORDS[d.state]}; it cannot be started again. Create a new drop instead.`,
      );
    }
    if (d.stock <= 0) return refuse(`${name(d)} has no stock; restock it before starting it.`);
    return go(
      {
        state: 'live',
        startedAt: now,
        endsAt: now + windowMs(d),
        endedAt: null,
        endedReason: null,
        lastMinuteAt: null,
      },
      'start',
    );
  },

  scheduledStart(d, { offline }, now) {
    if (d.state !== 'scheduled' || d.scheduledAt === null || now < d.scheduledAt) {
      return refuse(`${name(d)} is not due to start.`);
    }
    const endsAt = d.scheduledAt + windowMs(d);
    // A late start (machine asleep, app closed) keeps the announced deadline; if the whole window is
    // gone, nobody could have bought, so the drop closes without ever going live.
    if (now >= endsAt) {
      return go({ state: 'ended', endedAt: now, endedReason: offline ? 'missed-while-offline' : 'missed' });
    }
    return go(
      {
        state: 'live',
        startedAt: d.scheduledAt,
        endsAt,
        endedAt: null,
        endedReason: null,
        lastMinuteAt: null,
      },
      'start',
    );
  },

  extend(d, { seconds }, now) {
    if (!Number.isInteger(seconds) || seconds < 1)
      return refuse('Extend by a whole number of seconds, at least 1.', 'bad_request');
    if (d.state === 'sold_out')
      return refuse(`${name(d)} is sold out; restock it to re-open it, then extend it.`);
    if (d.state === 'draft' || d.state === 'scheduled') {
      return refuse(`${name(d)} ${STATE_WORDS[d.state]}; change its duration instead of extending it.`);
    }
    if (d.state !== 'live' || d.endsAt === null || now >= d.endsAt)
      return refuse(`${name(d)} has ended; it cannot be extended.`);
    const endsAt = d.endsAt + seconds * 1000;
    // Pushed back out of its last minute, the drop gets its "last minute" moment again later.
    const lastMinuteAt = endsAt - now > LAST_MINUTE_MS ? null : d.lastMinuteAt;
    return go({ endsAt, lastMinuteAt });
  },

  end(d, _cmd, now) {
    if (d.state === 'live' || d.state === 'sold_out')
      return go({ state: 'ended', endedAt: now, endedReason: 'host' }, 'end');
    if (d.state === 'ended') return refuse(`${name(d)} has already ended.`);
    return refuse(
      `${name(d)} ${STATE_WORDS[d.state]}; there is nothing to end.${d.state === 'scheduled' ? ' Cancel its schedule instead.' : ''}`,
    );
  },

  restock(d, { units }, now) {
    if (!Number.isInteger(units) || units < 1) return refuse('Restock at least 1 unit.', 'bad_request');
    if (d.state === 'ended') return refuse(`${name(d)} has ended; it cannot be restocked.`);
    if (d.state !== 'sold_out') return go({});
    // Flash restock: a sold-out drop re-opens, but only inside the time it already had.
    if (d.endsAt === null || now >= d.endsAt) {
      return refuse(
        `${name(d)} sold out and its time is up; a restock cannot re-open it. Create a new drop instead.`,
      );
    }
    return go({ state: 'live' });
  },

  soldOut(d) {
    if (d.state !== 'live')
      return refuse(`${name(d)} ${STATE_WORDS[d.state]}; only a live drop can sell out.`);
    if (d.stock > 0) return refuse(`${name(d)} still has ${d.stock} left.`);
    return go({ state: 'sold_out' }, 'soldOut');
  },

  expire(d, { offline }, now) {
    if (d.state !== 'live' || d.endsAt === null || now < d.endsAt) return refuse(`${name(d)} has time left.`);
    // endedAt is the deadline itself, not when we noticed (a late timer, or an app that was closed).
    // Stream actions for an end long past would be stale, so a restart ends the drop quietly.
    return go(
      { state: 'ended', endedAt: d.endsAt, endedReason: offline ? 'expired-while-offline' : 'time' },
      offline ? null : 'end',
    );
  },

  lastMinute(d, _cmd, now) {
    if (d.state !== 'live' || d.endsAt === null || d.lastMinuteAt !== null)
      return refuse(`${name(d)} is not entering its last minute.`);
    if (now >= d.endsAt || d.endsAt - now > LAST_MINUTE_MS)
      return refuse(`${name(d)} is not in its last minute.`);
    return go({ lastMinuteAt: now }, 'lastMinute');
  },
};

export function transition(d: DropFacts, cmd: DropCommand, now: number): Transition {
  const rule = RULES[cmd.type] as Rule<DropCommand>;
  return rule(d, cmd, now);
}

/**
 * The timed transition that is due now, if any. Deadlines are data, not timers: the engine asks this
 * on every timer tick, on reads and at startup, so a missed or late timer cannot leave a drop stale.
 */
export function dueCommand(d: DropFacts, now: number, offline = false): DropCommand | null {
  if (d.state === 'scheduled' && d.scheduledAt !== null && now >= d.scheduledAt)
    return { type: 'scheduledStart', offline };
  if (d.state !== 'live' || d.endsAt === null) return null;
  if (now >= d.endsAt) return { type: 'expire', offline };
  // Heals a sale that committed but crashed before the sold-out transition.
  if (d.stock <= 0) return { type: 'soldOut' };
  if (d.lastMinuteAt === null && d.endsAt - now <= LAST_MINUTE_MS) return { type: 'lastMinute' };
  return null;
}

/** When the next timed transition of this drop falls due (epoch ms), or null when none will. */
export function nextDeadline(d: DropFacts): number | null {
  if (d.state === 'scheduled') return d.scheduledAt;
  if (d.state !== 'live' || d.endsAt === null) return null;
  return d.lastMinuteAt === null ? d.endsAt - LAST_MINUTE_MS : d.endsAt;
}
