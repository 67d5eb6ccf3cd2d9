import { describe, expect, it } from 'vitest';
import { activeFirst, deviceStatus, formatWhen, roleLabel } from '../../../renderer/src/audit/device-status';
import { formatClockTime } from '../../../renderer/src/lib/format';

const now = new Date(2026, 10, 21, 20, 0, 0).getTime();
const MIN = 60_000;

describe('device status line', () => {
  it('says how long ago within the hour, the time today, and the date before that', () => {
    expect(formatWhen(now - 20_000, now)).toBe('just now');
    expect(formatWhen(now - 12 * MIN, now)).toBe('12 min ago');
    const earlier = now - 3 * 60 * MIN;
    expect(formatWhen(earlier, now)).toBe(`at ${formatClockTime(earlier)}`);
    const yesterday = now - 24 * 60 * MIN;
    expect(formatWhen(yesterday, now)).toMatch(/^on .+, /);
    expect(formatWhen(yesterday, now)).toContain(formatClockTime(yesterday));
  });

  it('puts revoked before last seen, and says when a device was never seen', () => {
    expect(deviceStatus({ lastSeenAt: now - 5 * MIN, revokedAt: now - MIN }, now)).toBe('Revoked 1 min ago');
    expect(deviceStatus({ lastSeenAt: now - 5 * MIN, revokedAt: null }, now)).toBe('Last seen 5 min ago');
    expect(deviceStatus({ lastSeenAt: null, revokedAt: null }, now)).toBe('Not seen yet');
  });

  it('names the roles as the panel does', () => {
    expect(roleLabel('host')).toBe('Host');
    expect(roleLabel('cohost')).toBe('Co-host');
  });
});

describe('device list order', () => {
  it('puts revoked devices after the ones that can still act, keeping the API’s order', () => {
    const list = [
      { id: 4, revokedAt: 1 },
      { id: 3, revokedAt: null },
      { id: 2, revokedAt: 5 },
      { id: 1, revokedAt: null },
    ];
    expect(activeFirst(list).map((d) => d.id)).toEqual([3, 1, 4, 2]);
  });
});
