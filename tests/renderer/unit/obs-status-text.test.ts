import { describe, expect, it } from 'vitest';
import type { ObsStatus } from '../../../shared/obs';
import { describeObs, newerStatus } from '../../../renderer/src/obs/obs-status-text';

const status = (over: Partial<ObsStatus>): ObsStatus => ({
  state: 'disconnected',
  url: 'ws://127.0.0.1:4455',
  message: null,
  obsVersion: null,
  websocketVersion: null,
  nextRetryAt: null,
  since: 1000,
  ...over,
});

describe('OBS status at a glance', () => {
  it('tells a retrying disconnect from an idle one, with the seconds to the next try', () => {
    expect(describeObs(status({}), 0)).toMatchObject({ headline: 'Not connected', tone: 'idle' });
    const retrying = describeObs(status({ nextRetryAt: 5400 }), 1000);
    expect(retrying).toMatchObject({ headline: 'Not connected', tone: 'bad' });
    expect(retrying.hint).toContain('tries again in 5 s');
    expect(describeObs(status({ nextRetryAt: 900 }), 1000).hint).toContain('tries again now');
  });

  it('says where to find the password when OBS refuses it', () => {
    const text = describeObs(status({ state: 'auth-failed' }), 0);
    expect(text).toMatchObject({ headline: 'Wrong password', tone: 'bad' });
    expect(text.hint).toContain('Show Connect Info');
  });

  it('shows connected and connecting plainly, and "checking" before the first answer', () => {
    expect(describeObs(status({ state: 'connected' }), 0)).toMatchObject({
      headline: 'Connected',
      tone: 'ok',
    });
    expect(describeObs(status({ state: 'connecting' }), 0).tone).toBe('busy');
    expect(describeObs(null, 0).headline).toBe('Checking OBS…');
  });

  it('keeps the newer of two readings, whichever order they came in', () => {
    const older = status({ state: 'connecting', since: 1 });
    const newer = status({ state: 'connected', since: 2 });
    expect(newerStatus(older, newer)).toBe(newer);
    expect(newerStatus(newer, older)).toBe(newer);
    expect(newerStatus(null, older)).toBe(older);
    expect(newerStatus(older, null)).toBe(older);
  });
});
