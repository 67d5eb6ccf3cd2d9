import type { AuditEntry } from '../../../shared/devices';
import type { CommandInput } from '../../../shared/contract';

/** One page of the log; small enough to read on a phone, large enough that "Load older" is rare. */
export const AUDIT_PAGE_SIZE = 50;

export const TIME_RANGES = [
  { id: 'all', label: 'Any time', ms: null },
  { id: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { id: '1h', label: 'Last hour', ms: 60 * 60_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 60 * 60_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 60 * 60_000 },
] as const;
export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

export interface AuditFilter {
  /** A paired device's id; null: every actor (the host token and the system have no device). */
  deviceId: number | null;
  /** An exact action (`device:revoke`); '' for every action. */
  action: string;
  range: TimeRangeId;
}

export const NO_FILTER: AuditFilter = { deviceId: null, action: '', range: 'all' };

export const isFiltered = (f: AuditFilter): boolean =>
  f.deviceId !== NO_FILTER.deviceId || f.action !== NO_FILTER.action || f.range !== NO_FILTER.range;

/**
 * Actions the core records today, so the filter offers them before any happened in this log.
 * Actions seen in the log are added to these (a newer core may record more).
 */
export const KNOWN_ACTIONS = [
  'chat:delete',
  'chat:mute',
  'device:pair',
  'device:pairing',
  'device:rename',
  'device:revoke',
  'drop:create',
  'drop:end',
  'drop:extend',
  'drop:ledger-settings',
  'drop:restock',
  'drop:schedule',
  'drop:start',
  'drop:unschedule',
  'drop:update',
  'link:create',
  'link:revoke',
  'obs:connect',
  'obs:disconnect',
  'obs:overlays-setup',
  'sale:post',
  'sale:record',
  'sale:refund',
  'show:assign-drop',
  'show:create',
  'show:set-cost',
  'show:set-splits',
  'show:unassign-drop',
  'show:update',
  'stats:rebuild',
  'tier:map',
  'touchpoint:create',
  'touchpoint:update',
] as const;

/** What audit:list is asked for: the filters the API has (device, action), one page, before an id. */
export function auditQuery(filter: AuditFilter, before?: number): CommandInput<'audit:list'> {
  return {
    limit: AUDIT_PAGE_SIZE,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.deviceId !== null ? { deviceId: filter.deviceId } : {}),
    ...(before !== undefined ? { before } : {}),
  };
}

/** The oldest moment a time range keeps (core clock, epoch ms); null for "any time". */
export function sinceFor(range: TimeRangeId, now: number): number | null {
  const ms = TIME_RANGES.find((r) => r.id === range)?.ms ?? null;
  return ms === null ? null : now - ms;
}

export interface AuditPage {
  rows: AuditEntry[];
  /** Whether asking for entries before the last row could find more that fit the filter. */
  hasMore: boolean;
}

/**
 * The API has no time filter, but it answers newest first: a page is cut at the range's start, and
 * once a page reaches past it there is nothing older worth asking for.
 */
export function pageWithin(
  entries: AuditEntry[],
  since: number | null,
  pageSize = AUDIT_PAGE_SIZE,
): AuditPage {
  const rows = since === null ? entries : entries.filter((e) => e.at >= since);
  const crossed = rows.length < entries.length;
  return { rows, hasMore: !crossed && entries.length >= pageSize };
}

/** The filter's action choices: the known ones and any seen in the log, once each, sorted. */
export function actionOptions(seen: Iterable<string>): string[] {
  return [...new Set<string>([...KNOWN_ACTIONS, ...seen])].sort();
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * An entry's detail as one readable line: a rename reads "“old” → “new”", other objects
 * "key: value · key: value". The detail is free-form JSON from the core; nothing here trusts its shape.
 */
export function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object' || Array.isArray(detail)) return scalar(detail);
  const record = detail as Record<string, unknown>;
  if (typeof record.from === 'string' && typeof record.to === 'string') {
    return `“${record.from}” → “${record.to}”`;
  }
  return Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${scalar(v)}`)
    .join(' · ');
}

/** "device 3", "drop 12", "obs": what the entry acted on. */
export function describeSubject(entry: Pick<AuditEntry, 'subjectType' | 'subjectId'>): string {
  return entry.subjectId === null ? entry.subjectType : `${entry.subjectType} ${entry.subjectId}`;
}
