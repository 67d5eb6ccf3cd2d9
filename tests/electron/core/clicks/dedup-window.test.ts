import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DedupWindow } from '../../../../electron/core/clicks/dedup-window';
import { VisitorIds } from '../../../../electron/core/clicks/visitor-id';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { tempDir } from '../../../support/temp-dir';

const UA = 'Mozilla/5.0 (iPhone) Mobile Safari/604.1';
const NOON = Date.UTC(2026, 10, 22, 12);
const MIN = 60_000;

/**
 * A local viewer's repeat scans take a shortcut to their last visit (kept on the visitor-id memo's
 * entry). Whatever the shortcut, the verdicts must be the ones the map alone gives: relay scans
 * (no shortcut) see the same visits, and a failed write or an hourly prune leaves nothing stale.
 */
describe('dedup window: the remembered visit never disagrees with the window', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Database.Database;
  let ids: VisitorIds;
  let dedup: DedupWindow;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'dedup.sqlite'));
    ids = new VisitorIds(db);
    dedup = new DedupWindow(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  /** A local scan (with the memo's keys, so the shortcut is used), committed. */
  const local = (code: string, ip: string, at: number): boolean => {
    const pair = ids.ids(ip, UA, at);
    const unique = dedup.firstInWindow(code, pair.current, pair.previous, at, pair);
    dedup.commit();
    return unique;
  };
  /** The same viewer's scan as the relay hands it over: ids only, no memo entry. */
  const relayed = (code: string, ip: string, at: number): boolean => {
    const { current, previous } = ids.ids(ip, UA, at);
    const unique = dedup.firstInWindow(code, Buffer.from(current), Buffer.from(previous), at);
    dedup.commit();
    return unique;
  };

  it('counts a viewer once per code and hour, across codes and ways in', () => {
    const ip = '198.51.100.7';
    expect(local('CodeA00001', ip, NOON)).toBe(true);
    expect(local('CodeA00001', ip, NOON + 10 * MIN)).toBe(false);
    expect(local('CodeB00002', ip, NOON + 11 * MIN)).toBe(true);
    expect(local('CodeA00001', ip, NOON + 12 * MIN)).toBe(false);
    // The relay sees the visit the shortcut recorded…
    expect(relayed('CodeA00001', ip, NOON + 13 * MIN)).toBe(false);
    // …and the window runs from the latest scan, whichever way it came in.
    expect(local('CodeA00001', ip, NOON + 72 * MIN)).toBe(false);
    expect(local('CodeA00001', ip, NOON + 133 * MIN)).toBe(true);
  });

  it('judges a scan again the same way after the write holding it failed', () => {
    const ip = '198.51.100.8';
    const pair = ids.ids(ip, UA, NOON);
    expect(dedup.firstInWindow('CodeA00001', pair.current, pair.previous, NOON, pair)).toBe(true);
    dedup.rollback();
    // The retry of the same scan: still the viewer's first.
    expect(dedup.firstInWindow('CodeA00001', pair.current, pair.previous, NOON, pair)).toBe(true);
    dedup.commit();
    expect(local('CodeA00001', ip, NOON + MIN)).toBe(false);

    expect(local('CodeA00001', ip, NOON + 80 * MIN)).toBe(true);
    const again = ids.ids(ip, UA, NOON + 81 * MIN);
    expect(dedup.firstInWindow('CodeA00001', again.current, again.previous, NOON + 81 * MIN, again)).toBe(
      false,
    );
    dedup.rollback();
    // Rolled back to the 80-minute visit, not to a stale copy of an older one.
    expect(relayed('CodeA00001', ip, NOON + 82 * MIN)).toBe(false);
  });

  it('keeps a returning viewer’s visit where relay scans find it after the hourly prune', () => {
    const ip = '198.51.100.9';
    expect(local('CodeA00001', ip, NOON)).toBe(true);
    dedup.prune(NOON + 2 * 60 * MIN);
    expect(dedup.size).toBe(0);
    expect(local('CodeA00001', ip, NOON + 2 * 60 * MIN)).toBe(true);
    expect(dedup.size).toBe(1);
    expect(relayed('CodeA00001', ip, NOON + 2 * 60 * MIN + MIN)).toBe(false);
  });
});
