/**
 * Coalesces "the KPIs changed" signals into few requests. Stats patches arrive every second while a
 * drop is busy, so a routine refresh waits until `intervalMs` after the previous request started;
 * a sale is what the host is watching for, so an urgent request waits only `urgentIntervalMs`.
 * One request at a time: signals during a request make exactly one follow-up request, because the
 * one in flight may have been answered from before the change.
 */
export interface RefetchScheduler {
  request(urgent: boolean): void;
  dispose(): void;
}

export interface SchedulerDeps {
  run: () => Promise<void>;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  intervalMs?: number;
  urgentIntervalMs?: number;
}

export function createRefetchScheduler(deps: SchedulerDeps): RefetchScheduler {
  const interval = deps.intervalMs ?? 1000;
  const urgentInterval = deps.urgentIntervalMs ?? 250;
  let lastStart = -Infinity;
  let inFlight = false;
  let disposed = false;
  let pending: boolean | null = null; // null: nothing waiting; else whether it was urgent
  let timer: { id: number; at: number } | null = null;

  const start = (): void => {
    timer = null;
    if (disposed) return;
    inFlight = true;
    lastStart = deps.now();
    void deps.run().finally(() => {
      inFlight = false;
      if (pending === null || disposed) return;
      const urgent = pending;
      pending = null;
      request(urgent);
    });
  };

  const request = (urgent: boolean): void => {
    if (disposed) return;
    if (inFlight) {
      pending = (pending ?? false) || urgent;
      return;
    }
    const at = lastStart + (urgent ? urgentInterval : interval);
    if (timer) {
      if (timer.at <= at) return;
      deps.clearTimer(timer.id);
    }
    const delay = Math.max(0, at - deps.now());
    timer = { id: deps.setTimer(start, delay), at };
  };

  return {
    request,
    dispose() {
      disposed = true;
      if (timer) deps.clearTimer(timer.id);
      timer = null;
    },
  };
}
