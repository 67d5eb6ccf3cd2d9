import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/devices';
import {
  actionOptions,
  AUDIT_PAGE_SIZE,
  auditQuery,
  describeDetail,
  describeSubject,
  isFiltered,
  NO_FILTER,
  pageWithin,
  sinceFor,
} from '../../../renderer/src/audit/audit-query';

const entry = (id: number, at: number): AuditEntry => ({
  id,
  at,
  actor: 'host',
  deviceId: null,
  action: 'device:pairing',
  subjectType: 'device',
  subjectId: null,
  detail: null,
});

describe('audit:list input from the filter bar', () => {
  it('sends only the filters that are set, one page, and the paging cursor', () => {
    expect(auditQuery(NO_FILTER)).toEqual({ limit: AUDIT_PAGE_SIZE });
    expect(auditQuery({ deviceId: 3, action: 'drop:start', range: '1h' }, 41)).toEqual({
      limit: AUDIT_PAGE_SIZE,
      deviceId: 3,
      action: 'drop:start',
      before: 41,
    });
  });

  it('knows when a filter is set', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, range: '15m' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, deviceId: 1 })).toBe(true);
  });
});

describe('time range over newest-first pages', () => {
  const now = 10 * 3_600_000;

  it('turns a range into the oldest moment it keeps', () => {
    expect(sinceFor('all', now)).toBeNull();
    expect(sinceFor('1h', now)).toBe(now - 3_600_000);
    expect(sinceFor('15m', now)).toBe(now - 15 * 60_000);
  });

  it('keeps a full page inside the range and offers more', () => {
    const page = [entry(3, now), entry(2, now - 1), entry(1, now - 2)];
    expect(pageWithin(page, now - 10, 3)).toEqual({ rows: page, hasMore: true });
  });

  it('cuts the page at the range start, and then there is nothing older to ask for', () => {
    const page = [entry(3, now), entry(2, now - 5_000), entry(1, now - 9_000_000)];
    expect(pageWithin(page, now - 3_600_000, 3)).toEqual({ rows: page.slice(0, 2), hasMore: false });
  });

  it('a short page is the last one', () => {
    expect(pageWithin([entry(1, now)], null, 3).hasMore).toBe(false);
  });
});

describe('audit entry text', () => {
  it('reads a rename as old → new', () => {
    expect(describeDetail({ from: 'Sam', to: 'Sam (merch)' })).toBe('“Sam” → “Sam (merch)”');
  });

  it('lists other details as key: value, nested values as JSON', () => {
    expect(describeDetail({ role: 'cohost', units: 5, tiers: [1, 2], note: null })).toBe(
      'role: cohost · units: 5 · tiers: [1,2] · note: —',
    );
    expect(describeDetail(null)).toBe('');
    expect(describeDetail('plain')).toBe('plain');
  });

  it('names the subject with its id when it has one', () => {
    expect(describeSubject({ subjectType: 'device', subjectId: '3' })).toBe('device 3');
    expect(describeSubject({ subjectType: 'obs', subjectId: null })).toBe('obs');
  });

  it('offers known and seen actions once each, sorted', () => {
    const options = actionOptions(['zz:new', 'device:revoke']);
    expect(options).toContain('zz:new');
    expect(options.filter((a) => a === 'device:revoke')).toHaveLength(1);
    expect(options).toEqual([...options].sort());
  });
});
