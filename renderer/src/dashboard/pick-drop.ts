import type { Drop } from '../../../shared/drops';

/** A drop viewers can still act on: live, or sold out while its clock runs (a restock reopens it). */
export function isOnAir(drop: Drop, now: number): boolean {
  if (drop.state === 'live') return true;
  return drop.state === 'sold_out' && drop.endsAt !== null && drop.endsAt > now;
}

const byStartDesc = (a: Drop, b: Drop): number => (b.startedAt ?? 0) - (a.startedAt ?? 0) || b.id - a.id;

/** Drops that have run (or run now): the ones the dashboard can show, most recently started first. */
export function startedDrops(drops: readonly Drop[]): Drop[] {
  return drops.filter((d) => d.startedAt !== null).sort(byStartDesc);
}

/**
 * Which drop the dashboard shows: the one the person picked, else the one on air (the latest started
 * if two overlap), else the most recent one that ran. Null when no drop has started yet.
 */
export function pickDrop(drops: readonly Drop[], now: number, pickedId: number | null): Drop | null {
  const started = startedDrops(drops);
  const picked = pickedId === null ? undefined : started.find((d) => d.id === pickedId);
  if (picked) return picked;
  return started.find((d) => isOnAir(d, now)) ?? started[0] ?? null;
}
