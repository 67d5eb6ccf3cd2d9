/**
 * Where the drop engine gets its timers. Injected so tests fire deadlines by moving a manual clock
 * instead of waiting; production uses Node's timers.
 */
export interface TimerSource {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const nodeTimers: TimerSource = {
  set(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    // Drop timers must never be what keeps a stopping process alive; the HTTP server does that.
    handle.unref();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};
