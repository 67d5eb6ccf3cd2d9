import type { Clock } from '../clock';
import { AppError, RateLimitedError } from '../domain-error';

/** Failures are counted over this window, per client address. */
const WINDOW_MS = 15 * 60_000;
/** Typos are free: the first few failures are answered at once. */
const FREE_FAILURES = 3;
/** After this many failures in the window, every attempt from that address is refused (429). */
const LOCK_AFTER = 10;
const MAX_DELAY_MS = 3000;
/** A flood of addresses must not grow this map without bound. */
const MAX_ADDRESSES = 10_000;

/**
 * Slows, then refuses, whoever keeps presenting wrong tokens or pairing codes — over HTTP, socket
 * handshakes and pairing alike, so no door is cheaper to knock on than another. A success from an
 * address forgets its failures.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Seconds until `address` may try again, or null when it may try now. */
  lockedFor(address: string): number | null {
    const recent = this.recent(address);
    if (recent.length < LOCK_AFTER) return null;
    // Allowed again once enough old failures leave the window to fall below the lock line.
    const freesAt = recent[recent.length - LOCK_AFTER] + WINDOW_MS;
    return Math.max(1, Math.ceil((freesAt - this.clock.now()) / 1000));
  }

  /** How long to hold the answer to a failed attempt: nothing at first, then doubling. */
  delayMs(address: string): number {
    const n = this.recent(address).length;
    return n <= FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (n - FREE_FAILURES - 1));
  }

  fail(address: string): void {
    if (!this.failures.has(address) && this.failures.size >= MAX_ADDRESSES) this.prune();
    const list = this.recent(address);
    list.push(this.clock.now());
    this.failures.set(address, list);
  }

  /**
   * One login attempt from `address`: refused at once (429) while the address is locked; a failed
   * attempt (`tryIt` returns the refusal) is counted and its answer held back before it is thrown.
   * A success does not clear the count: a valid co-host token must not buy unlimited guesses at the
   * host token.
   */
  async attempt<T>(address: string, tryIt: () => T | AppError): Promise<T> {
    const locked = this.lockedFor(address);
    if (locked !== null) throw new RateLimitedError(locked);
    const outcome = tryIt();
    if (!(outcome instanceof AppError)) return outcome;
    const delay = this.delayMs(address);
    this.fail(address);
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    throw outcome;
  }

  private recent(address: string): number[] {
    const since = this.clock.now() - WINDOW_MS;
    return (this.failures.get(address) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    const since = this.clock.now() - WINDOW_MS;
    for (const [address, list] of this.failures) {
      if (list.every((at) => at <= since)) this.failures.delete(address);
    }
    // Still full of live entries: forget the oldest half rather than refuse to count.
    if (this.failures.size >= MAX_ADDRESSES) {
      [...this.failures.keys()].slice(0, MAX_ADDRESSES / 2).forEach((k) => this.failures.delete(k));
    }
  }
}
