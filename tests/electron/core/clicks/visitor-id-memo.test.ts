import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitorKey } from '../../../../electron/core/clicks/dedup-window';
import { VisitorIds } from '../../../../electron/core/clicks/visitor-id';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { tempDir } from '../../../support/temp-dir';

const UA = 'Mozilla/5.0 (iPhone) Mobile Safari/604.1';
const MIDNIGHT = Date.UTC(2026, 10, 22);

describe('visitor ids: the in-memory memo gives the very ids a fresh computation gives', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'ids.sqlite'));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  /** What a VisitorIds without any memo says (a new instance reads the salts from the store). */
  const fresh = (ip: string, at: number) => new VisitorIds(db).ids(ip, UA, at);

  it('across midnight and the first hour after it, repeat lookups included', () => {
    const ids = new VisitorIds(db);
    const times = [
      MIDNIGHT - 60_000, // 23:59, day 1
      MIDNIGHT - 30_000,
      MIDNIGHT + 10 * 60_000, // 00:10, day 2: yesterday's id still counts
      MIDNIGHT + 20 * 60_000,
      MIDNIGHT + 70 * 60_000, // 01:10: only today's
      MIDNIGHT + 80 * 60_000,
    ];
    const seen = new Map<number, Buffer>();
    for (const at of times) {
      for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.1']) {
        const got = ids.ids(ip, UA, at);
        const want = fresh(ip, at);
        expect(got.current.equals(want.current)).toBe(true);
        expect(got.previous.equals(want.previous)).toBe(true);
        expect(got.currentKey).toBe(visitorKey(got.current));
        expect(got.previousKey).toBe(visitorKey(got.previous));
        if (ip === '198.51.100.1') seen.set(at, got.current);
      }
    }
    // Day 2's id differs from day 1's, and at 00:10 the previous id is day 1's.
    const day1 = seen.get(MIDNIGHT - 60_000)!;
    const day2 = seen.get(MIDNIGHT + 10 * 60_000)!;
    expect(day1.equals(day2)).toBe(false);
    expect(ids.ids('198.51.100.1', UA, MIDNIGHT + 10 * 60_000).previous.equals(day1)).toBe(true);
    expect(ids.ids('198.51.100.1', UA, MIDNIGHT + 70 * 60_000).previous.equals(day2)).toBe(true);
  });

  it('tells devices behind one address apart, whichever of them scans first or again', () => {
    const ids = new VisitorIds(db);
    const at = MIDNIGHT + 5 * 3600_000;
    const ip = '198.51.100.20';
    const uas = [UA, 'Mozilla/5.0 (Linux; Android 14) Mobile', 'Mozilla/5.0 (iPad) Safari/604.1'];
    const first = uas.map((ua) => ids.ids(ip, ua, at).current);
    expect(new Set(first.map((b) => b.toString('hex'))).size).toBe(3);
    // Again, in another order: each device keeps its own id, the one a fresh computation gives.
    for (const i of [2, 0, 1, 1, 2]) {
      const got = ids.ids(ip, uas[i], at).current;
      expect(got.equals(first[i])).toBe(true);
      expect(got.equals(new VisitorIds(db).ids(ip, uas[i], at).current)).toBe(true);
    }
  });

  it('forgets what it remembered when the salts rotate', () => {
    const ids = new VisitorIds(db);
    const at = MIDNIGHT + 5 * 3600_000;
    const before = ids.ids('198.51.100.9', UA, at).current;
    // Two days later the old salts are deleted; a new day, a new salt, a new id.
    const later = at + 2 * 24 * 3600_000;
    ids.rotate(later);
    const after = ids.ids('198.51.100.9', UA, later).current;
    expect(after.equals(before)).toBe(false);
    expect(after.equals(fresh('198.51.100.9', later).current)).toBe(true);
  });
  it('keeps every spelling of an address apart: numeric keys only for canonical IPv4', () => {
    const ids = new VisitorIds(db);
    const at = MIDNIGHT + 5 * 3600_000;
    // The same machine to a network engineer, but different strings, so different ids.
    const spellings = ['10.0.0.1', '010.0.0.1', '::ffff:10.0.0.1', '10.0.0.1.', '2001:db8::1', '0.0.0.0'];
    const first = spellings.map((ip) => ids.ids(ip, UA, at).current.toString('hex'));
    expect(new Set(first).size).toBe(spellings.length);
    for (const [i, ip] of [...spellings.entries()].reverse()) {
      expect(ids.ids(ip, UA, at).current.toString('hex')).toBe(first[i]);
      expect(fresh(ip, at).current.toString('hex')).toBe(first[i]);
    }
  });
});
