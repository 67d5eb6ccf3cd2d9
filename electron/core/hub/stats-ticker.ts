import type { StatsPatch } from '../../../shared/hub-events';
import { MINUTE_MS, minuteOf, type StatsRow } from '../../../shared/stats';
import type { StatsRepo } from '../store/stats-repo';

interface Pushed {
  minute: number;
  json: string;
}

/**
 * Per-minute stats patches for the control panel. Each tick re-reads the current and the previous
 * minute (a click committed just after the minute turned still lands in the old bucket) and pushes
 * only the rows that differ from what was last pushed, so a quiet second costs no traffic.
 */
export class StatsTicker {
  /** dropId → `minute|touchpoint` → the row as last pushed (JSON, for a cheap deep compare). */
  private readonly sent = new Map<number, Map<string, Pushed>>();

  constructor(
    private readonly stats: Pick<StatsRepo, 'rows'>,
    private readonly push: (patch: StatsPatch) => void,
  ) {}

  tick(dropId: number, now: number): void {
    const since = minuteOf(now) - MINUTE_MS;
    let seen = this.sent.get(dropId);
    if (!seen) this.sent.set(dropId, (seen = new Map<string, Pushed>()));
    const changed: StatsRow[] = [];
    for (const row of this.stats.rows(dropId, since)) {
      const key = `${row.minute}|${row.touchpoint}`;
      const json = JSON.stringify(row);
      if (seen.get(key)?.json === json) continue;
      seen.set(key, { minute: row.minute, json });
      changed.push(row);
    }
    for (const [key, entry] of seen) if (entry.minute < since) seen.delete(key);
    if (changed.length > 0) this.push({ dropId, rows: changed });
  }

  forget(dropId: number): void {
    this.sent.delete(dropId);
  }
}
