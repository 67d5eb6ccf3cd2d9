import { hash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ipv4Number } from '../net/ipv4-number';
import { visitorKey, type DedupKeys } from './dedup-window';

const DAY_MS = 24 * 3600 * 1000;
const SALT_LIFETIME_MS = 48 * 3600 * 1000;
/** Viewers whose ids are remembered (~200 B each); past it the memo starts over. */
const MEMO_LIMIT = 20_000;

export interface VisitorIdPair extends DedupKeys {
  readonly current: Buffer;
  readonly previous: Buffer;
  /** The ids as dedup keys (`visitorKey`), made once per viewer and day rather than per scan. */
  readonly currentKey: string;
  readonly previousKey: string;
}

const utcDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

/** The UTC day of a time, formatted once per day rather than once per scan. */
class DayOf {
  private start = 0;
  private end = 0;
  private label = '';
  get(epochMs: number): string {
    if (epochMs < this.start || epochMs >= this.end) {
      this.start = epochMs - (epochMs % DAY_MS);
      this.end = this.start + DAY_MS;
      this.label = utcDay(epochMs);
    }
    return this.label;
  }
}

/**
 * Privacy-first visitor ids (the Plausible approach): a hash of (daily random salt, IP, user agent).
 * No IP or user agent is ever stored. A salt is made per UTC day and deleted 48 h after it was made,
 * after which nobody — us included — can tie a stored id back to an IP.
 */
export class VisitorIds {
  private readonly insertSalt;
  private readonly selectSalt;
  private readonly deleteOld;
  private cache = new Map<string, Buffer>();
  private readonly today = new DayOf();
  /** Past days' salts as found in the store (null: there was none). */
  private readonly looked = new Map<string, Buffer | null>();
  /**
   * The ids of the viewers seen today, by IP and user agent, in memory only: a viewer who scans again
   * (every code on stream, every rescan) costs a map lookup instead of two SHA-256 runs. Forgotten when
   * the day or its first hour (when yesterday's id still applies) ends, and on every salt rotation.
   */
  private memo = new Map<number | string, Remembered>();
  private memoSize = 0;
  private memoDay = '';
  private memoEarly = false;
  private lastUserAgent = '';

  constructor(db: Database.Database) {
    this.insertSalt = db.prepare(
      'INSERT OR IGNORE INTO visitor_salts (day, salt, created_at) VALUES (?, ?, ?)',
    );
    this.selectSalt = db.prepare<[string], { salt: Buffer }>('SELECT salt FROM visitor_salts WHERE day = ?');
    this.deleteOld = db.prepare('DELETE FROM visitor_salts WHERE created_at <= ?');
  }

  private saltFor(day: string, now: number): Buffer {
    const cached = this.cache.get(day);
    if (cached) return cached;
    this.insertSalt.run(day, randomBytes(32), now);
    const salt = this.selectSalt.get(day)?.salt;
    if (!salt) throw new Error(`visitor salt for ${day} could not be stored`);
    this.cache.set(day, salt);
    return salt;
  }

  /** Drops salts older than 48 h (and forgets them in memory). Called on the hourly sweep. */
  rotate(now: number): number {
    const removed = this.deleteOld.run(now - SALT_LIFETIME_MS).changes;
    const keep = new Set([utcDay(now), utcDay(now - DAY_MS)]);
    for (const day of this.cache.keys()) if (!keep.has(day)) this.cache.delete(day);
    for (const day of this.looked.keys()) if (!keep.has(day)) this.looked.delete(day);
    this.forget();
    return removed;
  }

  /**
   * Today's id, plus the id under yesterday's salt while the 1 h dedup window still reaches back across
   * midnight, so a viewer who scans at 23:50 and 00:10 isn't counted as two people.
   */
  ids(ip: string, header: string, now: number): VisitorIdPair {
    // One string object per user agent in a row of scans: the memo compares it by pointer, without
    // reading the stored copy (a cache miss per scan on a big burst).
    if (header !== this.lastUserAgent) this.lastUserAgent = header;
    const userAgent = this.lastUserAgent;
    const day = this.today.get(now);
    const early = now % DAY_MS < 3600_000;
    if (day !== this.memoDay || early !== this.memoEarly) {
      this.forget();
      this.memoDay = day;
      this.memoEarly = early;
    }
    // By address, then a string comparison of the user agent (nearly always the one device seen there).
    const key = ipv4Number(ip) ?? ip;
    let seen = this.memo.get(key);
    const known = seen?.userAgent === userAgent ? seen : seen?.others?.get(userAgent);
    if (known) return known;
    const who = ip + '\n' + userAgent;
    const current = this.hash(this.saltFor(day, now), who);
    const yesterday = early ? this.existingSalt(utcDay(now - DAY_MS)) : null;
    const previous = yesterday ? this.hash(yesterday, who) : current;
    const currentKey = visitorKey(current);
    const pair: Remembered = {
      userAgent,
      others: null,
      current,
      previous,
      currentKey,
      previousKey: previous === current ? currentKey : visitorKey(previous),
      seenCode: null,
      seen: null,
      seenGeneration: -1,
    };
    if (this.memoSize >= MEMO_LIMIT) {
      this.forget();
      seen = undefined;
    }
    // Several devices behind one address (a household, a venue's NAT): the rest by user agent.
    if (seen) (seen.others ??= new Map()).set(userAgent, pair);
    else this.memo.set(key, pair);
    this.memoSize++;
    return pair;
  }

  private forget(): void {
    this.memo = new Map();
    this.memoSize = 0;
  }

  /** A day's salt if one was made (never creates one); looked up once per day, not per scan. */
  private existingSalt(day: string): Buffer | null {
    if (!this.looked.has(day)) {
      const salt = this.cache.get(day) ?? this.selectSalt.get(day)?.salt ?? null;
      this.looked.set(day, salt);
    }
    return this.looked.get(day) ?? null;
  }

  /**
   * Today's and tomorrow's salts (made now if missing) plus yesterday's if it exists: what the edge
   * relay needs to compute the very same ids while this laptop is off-line, midnight included.
   * Tomorrow's salt is dated from tomorrow's start, so it too is deleted 48 h after its day began.
   */
  saltsAround(now: number): Array<{ day: string; salt: Buffer }> {
    const start = now - (now % DAY_MS);
    const out = [
      { day: utcDay(now), salt: this.saltFor(utcDay(now), now) },
      { day: utcDay(start + DAY_MS), salt: this.saltFor(utcDay(start + DAY_MS), start + DAY_MS) },
    ];
    const yesterday = this.existingSalt(utcDay(now - DAY_MS));
    if (yesterday) out.unshift({ day: utcDay(now - DAY_MS), salt: yesterday });
    return out;
  }

  /**
   * SHA-256 over the secret salt followed by the visitor's details, one-shot over a reused scratch
   * buffer: no Hash object and no per-scan allocation besides the id itself (a third of the hashing
   * time on the scan path). Nobody verifies these ids, so an HMAC's extra protection buys nothing
   * here. The edge relay computes exactly these bytes with WebCrypto.
   */
  private hash(salt: Buffer, who: string): Buffer {
    const room = SCRATCH.length - salt.length;
    // utf8 needs at most 3 bytes per UTF-16 unit; a longer user agent takes the allocating path.
    if (who.length * 3 > room) {
      const bytes = Buffer.from(who);
      return hash('sha256', Buffer.concat([salt, bytes]), 'buffer').subarray(0, 16);
    }
    salt.copy(SCRATCH, 0);
    const n = SCRATCH.write(who, salt.length, 'utf8');
    return hash('sha256', SCRATCH.subarray(0, salt.length + n), 'buffer').subarray(0, 16);
  }
}

/**
 * A device's ids as the memo keeps them: the first device seen at an address is the map's value
 * itself (one object to read per repeat scan), any others there hang off it by user agent.
 */
interface Remembered extends VisitorIdPair {
  readonly userAgent: string;
  others: Map<string, Remembered> | null;
}

/** Reused by every hash on this thread (the scan path is single-threaded). */
const SCRATCH = Buffer.allocUnsafe(8192);
