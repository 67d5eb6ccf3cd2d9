/** Orphan rows stored per minute; beyond it a minute's visits are only counted (`orphan_overflow`). */
export const ORPHAN_ROWS_PER_MINUTE = 600;
/** Minutes remembered; an older back-dated minute simply starts counting again. */
const MINUTES_KEPT = 120;

/**
 * Keeps a flood of typo'd or scripted codes from growing the store without bound. Takes are staged
 * per write and kept only when it committed, like the dedup window.
 */
export class OrphanCap {
  private readonly used = new Map<number, number>();
  private readonly staged = new Map<number, number>();

  constructor(private readonly perMinute = ORPHAN_ROWS_PER_MINUTE) {}

  /** True while the minute still has room for one more stored row (and takes it). */
  take(minute: number): boolean {
    const n = (this.staged.get(minute) ?? this.used.get(minute) ?? 0) + 1;
    this.staged.set(minute, n);
    return n <= this.perMinute;
  }

  commit(): void {
    for (const [m, n] of this.staged) this.used.set(m, n);
    this.staged.clear();
    if (this.used.size > MINUTES_KEPT) {
      const oldest = [...this.used.keys()].sort((a, b) => a - b);
      for (const m of oldest.slice(0, this.used.size - MINUTES_KEPT)) this.used.delete(m);
    }
  }

  rollback(): void {
    this.staged.clear();
  }
}
