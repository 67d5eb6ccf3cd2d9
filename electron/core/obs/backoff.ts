export interface BackoffOptions {
  /** First retry delay. */
  baseMs: number;
  /** Ceiling. OBS is usually on the same laptop, so retries are cheap and the cap stays small. */
  maxMs: number;
  factor?: number;
  /** Fraction of each delay taken off at random, so several clients do not retry in lockstep. */
  jitter?: number;
  random?: () => number;
}

/** Exponential reconnect delays with a cap; `reset()` after a successful connection. */
export class Backoff {
  private attempt = 0;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(private readonly options: BackoffOptions) {
    this.factor = options.factor ?? 2;
    this.jitter = options.jitter ?? 0.2;
    this.random = options.random ?? Math.random;
  }

  /** Delay before the next attempt; grows until the cap. Jitter only shortens, so the cap holds. */
  next(): number {
    const raw = this.options.baseMs * this.factor ** this.attempt;
    const capped = Math.min(this.options.maxMs, raw);
    // Stop growing the exponent once capped, so it never overflows on a week-long outage.
    if (raw < this.options.maxMs) this.attempt += 1;
    return Math.round(capped * (1 - this.jitter * this.random()));
  }

  reset(): void {
    this.attempt = 0;
  }
}
