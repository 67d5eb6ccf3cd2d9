import type { Device } from '../../../shared/devices';
import { formatClockTime } from '../lib/format';

const MINUTE = 60_000;

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/**
 * When something happened, as a host glancing at the list needs it: "just now", "12 min ago",
 * "18:04" today, or the date with the time for older moments.
 */
export function formatWhen(at: number, now: number): string {
  const ago = now - at;
  if (ago < MINUTE) return 'just now';
  if (ago < 60 * MINUTE) return `${Math.floor(ago / MINUTE)} min ago`;
  if (sameDay(at, now)) return `at ${formatClockTime(at)}`;
  const date = new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return `on ${date}, ${formatClockTime(at)}`;
}

/** The device's status line: revoked wins over last seen, and a fresh pairing says it was not seen. */
export function deviceStatus(device: Pick<Device, 'lastSeenAt' | 'revokedAt'>, now: number): string {
  if (device.revokedAt !== null) return `Revoked ${formatWhen(device.revokedAt, now)}`;
  if (device.lastSeenAt === null) return 'Not seen yet';
  return `Last seen ${formatWhen(device.lastSeenAt, now)}`;
}

export const roleLabel = (role: Device['role']): string => (role === 'host' ? 'Host' : 'Co-host');

/** Devices that can still act first (in the API's order, newest first), revoked ones after them. */
export function activeFirst<D extends Pick<Device, 'revokedAt'>>(devices: D[]): D[] {
  return [...devices.filter((d) => d.revokedAt === null), ...devices.filter((d) => d.revokedAt !== null)];
}
