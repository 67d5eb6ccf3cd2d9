import type { ObsStatus } from '../../shared/obs';
import type { TestCore } from './core-harness';

/**
 * Polls until `probe` returns something other than undefined/false, or fails after `timeoutMs`
 * with the last value seen (so a failing test says what it saw, not just "timed out").
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function obsStatus(core: TestCore): Promise<ObsStatus> {
  const res = await core.api('/api/obs/status');
  if (res.status !== 200) throw new Error(`GET /api/obs/status answered ${res.status}`);
  return (await res.json()) as ObsStatus;
}

/** Waits for a given OBS connection state over the public API; returns the status. */
export function waitForObsState(
  core: TestCore,
  state: ObsStatus['state'],
  timeoutMs: number,
): Promise<ObsStatus> {
  return waitUntil(
    `OBS state "${state}"`,
    async () => {
      const s = await obsStatus(core);
      return s.state === state ? s : undefined;
    },
    timeoutMs,
  );
}
