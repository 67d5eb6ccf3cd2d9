/**
 * Notices that this device was asleep (laptop lid closed, phone screen off): a timer that should tick
 * every `intervalMs` comes back much later. Socket.io would only notice a dead connection after its
 * ping timeout (~45 s), so the panel reconnects at once instead of showing stale numbers that long.
 */
export function watchForWake(
  onWake: (sleptMs: number) => void,
  { intervalMs = 2_000, thresholdMs = 15_000, now = () => Date.now() } = {},
): () => void {
  let last = now();
  const timer = setInterval(() => {
    const t = now();
    const gap = t - last;
    last = t;
    if (gap > thresholdMs) onWake(gap - intervalMs);
  }, intervalMs);
  return () => clearInterval(timer);
}

/** "45 s", "3 min", "2 h 5 min": how long the device was away, for the banner. */
export function formatAway(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
