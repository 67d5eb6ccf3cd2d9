/**
 * A sliding-window counter per key: at most `limit` events per `windowMs`. Used per sender session
 * and per client address, so one flooding phone is cut off while everybody else keeps chatting.
 */
export class RateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts the event and says whether it is within the limit; a refused event is not counted. */
  take(key: string, now: number): boolean {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return false;
    }
    list.push(now);
    this.hits.set(key, list);
    // Keys of senders who went quiet are dropped now and then, so the map cannot grow without end.
    if (this.hits.size > 10_000) this.prune(since);
    return true;
  }

  /** Milliseconds until `key` may send again (0 when it may now). */
  retryIn(key: string, now: number): number {
    const list = this.hits.get(key) ?? [];
    if (list.length < this.limit) return 0;
    return Math.max(0, list[list.length - this.limit] + this.windowMs - now);
  }

  private prune(since: number): void {
    for (const [key, list] of this.hits) if (list.every((t) => t <= since)) this.hits.delete(key);
  }
}
