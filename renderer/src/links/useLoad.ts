import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/result';

export type Load<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

const LOADING = { state: 'loading' } as const;

/**
 * One API read, keyed: a new `key` (another drop, a Retry) shows "loading" until its answer lands,
 * while a bumped `refresh` refetches quietly and keeps the old answer on screen meanwhile. A null
 * key loads nothing and answers null. `fetcher` must be stable (useCallback) for the same key.
 */
export function useLoad<T>(
  key: string | null,
  fetcher: () => Promise<Result<T>>,
  refresh = 0,
): Load<T> | null {
  const [entry, setEntry] = useState<{ key: string; load: Load<T> } | null>(null);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    void fetcher().then((r) => {
      if (!live) return;
      setEntry({
        key,
        load: r.ok ? { state: 'ready', value: r.value } : { state: 'error', message: r.error.message },
      });
    });
    return () => {
      live = false;
    };
  }, [key, fetcher, refresh]);

  if (key === null) return null;
  return entry?.key === key ? entry.load : LOADING;
}
