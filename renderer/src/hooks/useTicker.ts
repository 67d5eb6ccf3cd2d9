import { useEffect, useState } from 'react';

/** Re-renders every `intervalMs` while `active`; returns the tick count (a render trigger only). */
export function useTicker(active: boolean, intervalMs = 250): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => window.clearInterval(timer);
  }, [active, intervalMs]);
  return tick;
}
