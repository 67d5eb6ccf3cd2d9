import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StatsRow } from '../../../shared/stats';
import type { ApiClient } from '../api/http';
import { mergeStatsRows } from '../lib/panel-state';

export interface DropStatsView {
  /** Null while the history is still loading. */
  rows: StatsRow[] | null;
  error: string | null;
  retry: () => void;
}

/**
 * The shell loads each started drop's per-minute history once and merges hub patches into it, but it
 * cannot say when that load failed. So the dashboard asks for the history of the drop it shows itself
 * (with a Retry), and lays the shell's rows — newer, patched by the hub — over it.
 */
export function useDropStats(
  api: ApiClient,
  dropId: number | null,
  shared: readonly StatsRow[] | undefined,
): DropStatsView {
  const [own, setOwn] = useState<{ dropId: number; rows: StatsRow[] } | null>(null);
  const [failure, setFailure] = useState<{ dropId: number; message: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (dropId === null) return;
    let alive = true;
    void api.call('stats:drop', { id: dropId }).then((result) => {
      if (!alive) return;
      if (result.ok) {
        setOwn({ dropId, rows: result.value.rows });
        setFailure(null);
      } else {
        setFailure({ dropId, message: result.error.message });
      }
    });
    return () => {
      alive = false;
    };
  }, [api, dropId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const base = own?.dropId === dropId ? own.rows : null;
  const rows = useMemo(
    () => (base === null && shared === undefined ? null : mergeStatsRows(base ?? [], shared ?? [])),
    [base, shared],
  );
  const error = !base && failure?.dropId === dropId ? failure.message : null;
  return { rows, error, retry };
}
