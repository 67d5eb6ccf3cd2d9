import { afterEach, describe, expect, it, vi } from 'vitest';
import { Backoff } from '../../../../electron/core/obs/backoff';
import { classifyClose } from '../../../../electron/core/obs/close-codes';
import { ObsError } from '../../../../electron/core/obs/obs-errors';
import { RequestGuard } from '../../../../electron/core/obs/request-guard';
import { initialStatus, nextStatus } from '../../../../electron/core/obs/status-tracker';

const URL = 'ws://127.0.0.1:4455';

function obsWsError(code: number, message: string): Error & { code: number } {
  return Object.assign(new Error(message), { code });
}

describe('Backoff', () => {
  it('doubles from the base up to the cap and stays there', () => {
    const b = new Backoff({ baseMs: 250, maxMs: 2500, jitter: 0 });
    expect(Array.from({ length: 7 }, () => b.next())).toEqual([250, 500, 1000, 2000, 2500, 2500, 2500]);
  });

  it('starts over after a successful connection', () => {
    const b = new Backoff({ baseMs: 100, maxMs: 1000, jitter: 0 });
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(100);
  });

  it('jitter only ever shortens a delay, so the cap is a promise', () => {
    const b = new Backoff({ baseMs: 1000, maxMs: 1000, jitter: 0.2, random: () => 0.999 });
    const delay = b.next();
    expect(delay).toBeLessThanOrEqual(1000);
    expect(delay).toBeGreaterThanOrEqual(800);
  });
});

describe('RequestGuard', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes an answer through and forgets the request', async () => {
    const guard = new RequestGuard();
    await expect(guard.run('GetVersion', () => Promise.resolve(42), 1000)).resolves.toBe(42);
    expect(guard.inFlight).toBe(0);
  });

  it('rejects with a timeout error when OBS never answers', async () => {
    vi.useFakeTimers();
    const guard = new RequestGuard();
    const pending = guard.run('GetVersion', () => new Promise<never>(() => undefined), 3000);
    const assertion = expect(pending).rejects.toMatchObject({ code: 'timeout' });
    await vi.advanceTimersByTimeAsync(3000);
    await assertion;
    expect(guard.inFlight).toBe(0);
  });

  it('fails everything in flight when the connection closes (the library would leave them pending)', async () => {
    const guard = new RequestGuard();
    const never = (): Promise<never> => new Promise<never>(() => undefined);
    const a = guard.run('SetCurrentProgramScene', never, 60_000);
    const b = guard.run('GetStats', never, 60_000);
    expect(guard.inFlight).toBe(2);
    guard.rejectAll(new ObsError('obs_unavailable', 'OBS closed the connection'));
    await expect(a).rejects.toMatchObject({ code: 'obs_unavailable' });
    await expect(b).rejects.toMatchObject({ code: 'obs_unavailable' });
    expect(guard.inFlight).toBe(0);
  });

  it('ignores an answer that arrives after the request was already failed', async () => {
    const guard = new RequestGuard();
    let answer: (v: string) => void = () => undefined;
    const p = guard.run('GetVersion', () => new Promise<string>((r) => (answer = r)), 60_000);
    guard.rejectAll(new ObsError('obs_unavailable', 'gone'));
    answer('late');
    await expect(p).rejects.toMatchObject({ code: 'obs_unavailable' });
  });

  it('translates OBS request errors into DropDeck error codes', async () => {
    const guard = new RequestGuard();
    const fail = (code: number, msg: string) => () => Promise.reject(obsWsError(code, msg));
    await expect(
      guard.run('SetCurrentProgramScene', fail(600, 'No source was found'), 1000),
    ).rejects.toMatchObject({
      code: 'not_found',
      obsCode: 600,
    });
    await expect(guard.run('CreateInput', fail(605, 'kind not supported'), 1000)).rejects.toMatchObject({
      code: 'unsupported',
    });
    await expect(
      guard.run('GetVersion', () => Promise.reject(new Error('Not connected')), 1000),
    ).rejects.toMatchObject({
      code: 'obs_unavailable',
    });
  });
});

describe('classifyClose', () => {
  it('a wrong password is auth-failed and is never retried', () => {
    const v = classifyClose(obsWsError(4009, 'Authentication failed.'), URL, true);
    expect(v).toMatchObject({ state: 'auth-failed', retry: false });
    expect(v.message).toMatch(/rejected the password/);
  });

  it('a missing password says OBS asks for one', () => {
    const v = classifyClose(obsWsError(4009, 'missing an `authentication` string'), URL, false);
    expect(v).toMatchObject({ state: 'auth-failed', retry: false });
    expect(v.message).toMatch(/asks for a password/);
  });

  it('being kicked (4011) is its own state and is never retried', () => {
    expect(classifyClose(obsWsError(4011, ''), URL, true)).toMatchObject({ state: 'kicked', retry: false });
  });

  it('OBS not running is a plain disconnect that retries', () => {
    const v = classifyClose(obsWsError(-1, 'connect ECONNREFUSED 127.0.0.1:4455'), URL, false);
    expect(v).toMatchObject({ state: 'disconnected', retry: true });
    expect(v.message).toContain(URL);
  });

  it('a crash (1006) retries', () => {
    expect(classifyClose(obsWsError(1006, ''), URL, false)).toMatchObject({
      state: 'disconnected',
      retry: true,
    });
  });
});

describe('nextStatus', () => {
  const base = initialStatus(URL, 1000);

  it('publishes nothing when nothing visible changed', () => {
    expect(
      nextStatus(base, { state: 'disconnected', url: URL, message: base.message, nextRetryAt: null }, 5000),
    ).toBeNull();
  });

  it('keeps "since" across retries so the host sees how long OBS has been away', () => {
    const retrying = nextStatus(
      base,
      { state: 'disconnected', url: URL, message: 'gone', nextRetryAt: 2000 },
      1500,
    );
    expect(retrying).toMatchObject({ since: 1000, nextRetryAt: 2000 });
    const connected = nextStatus(
      retrying!,
      {
        state: 'connected',
        url: URL,
        message: 'ok',
        nextRetryAt: null,
        versions: { obsVersion: '29.0.2', websocketVersion: '5.1.0' },
      },
      3000,
    );
    expect(connected).toMatchObject({ since: 3000, obsVersion: '29.0.2' });
    // Versions of the same OBS stay visible while it is away; a new address forgets them.
    const lost = nextStatus(
      connected!,
      { state: 'disconnected', url: URL, message: 'x', nextRetryAt: null },
      4000,
    );
    expect(lost?.obsVersion).toBe('29.0.2');
    const moved = nextStatus(
      lost!,
      { state: 'connecting', url: 'ws://10.0.0.2:4455', message: 'y', nextRetryAt: null },
      4100,
    );
    expect(moved?.obsVersion).toBeNull();
  });
});
