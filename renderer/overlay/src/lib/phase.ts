import type { PublicDrop } from '../../../../shared/hub-events';

export type Phase = 'upcoming' | 'live' | 'last-minute' | 'sold-out' | 'ended';

/** The final minute gets the emphasised look (and OBS's lastMinute actions fire then too). */
export const LAST_MINUTE_MS = 60_000;

/**
 * What the page should look like at server time `now`. The server ends a drop at `endsAt`; the page
 * does not wait for that patch to stop showing a live clock at 0.
 */
export function phaseOf(drop: PublicDrop, now: number): Phase {
  switch (drop.state) {
    case 'draft':
    case 'scheduled':
      return 'upcoming';
    case 'sold_out':
      return 'sold-out';
    case 'ended':
      return 'ended';
    case 'live': {
      if (drop.endsAt === null) return 'live';
      const left = drop.endsAt - now;
      if (left <= 0) return 'ended';
      return left <= LAST_MINUTE_MS ? 'last-minute' : 'live';
    }
  }
}

/**
 * Milliseconds the countdown shows: time left when live (or sold out: a restock re-opens it), the
 * start countdown or the full length before, nothing once ended (a host may end before `endsAt`).
 */
export function countdownMs(drop: PublicDrop, now: number): number {
  if (drop.state === 'ended') return 0;
  if (drop.state === 'draft' || drop.state === 'scheduled') {
    return drop.scheduledAt !== null ? Math.max(0, drop.scheduledAt - now) : drop.durationSec * 1000;
  }
  return drop.endsAt === null ? 0 : Math.max(0, drop.endsAt - now);
}

/**
 * `m:ss` (or `h:mm:ss`), rounding up: "0:01" is shown until the very last millisecond and "0:00"
 * exactly at the deadline, the way a stage clock behaves.
 */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

export const PHASE_LABEL: Record<Phase, string> = {
  upcoming: 'Starting soon',
  live: 'Live now',
  'last-minute': 'Last minute!',
  'sold-out': 'Sold out',
  ended: 'Ended',
};
