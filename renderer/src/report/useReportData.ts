import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/result';
import { usePanel } from '../api/panel-context';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/**
 * Loads `fetch()` whenever its inputs change (`key`), and again on retry. Only the latest request
 * may write: picking another show while one loads never shows the first show's numbers.
 */
function useLoad<T>(key: string | null, fetch: () => Promise<Result<T>>): [Loaded<T>, () => void, boolean] {
  const [loaded, setLoaded] = useState<{ key: string; attempt: string; value: Loaded<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const fetchRef = useRef(fetch);
  useEffect(() => {
    fetchRef.current = fetch;
  });

  const fullKey = key === null ? null : `${key}#${attempt}`;
  useEffect(() => {
    if (fullKey === null) return;
    const request = ++latest.current;
    void fetchRef.current().then((result) => {
      if (request !== latest.current) return;
      setLoaded({
        key: key ?? '',
        attempt: fullKey,
        value: result.ok
          ? { state: 'ready', value: result.value }
          : { state: 'error', message: result.error.message },
      });
    });
  }, [key, fullKey]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // A retry of the same thing keeps the last answer on screen until the new one is in.
  const current: Loaded<T> = loaded && loaded.key === key ? loaded.value : { state: 'loading' };
  const refreshing = loaded !== null && loaded.key === key && loaded.attempt !== fullKey;
  return [current, retry, refreshing];
}

export function useShows() {
  const { api } = usePanel();
  return useLoad('shows', () => api.call('show:list', {}));
}

export function useShowReport(showId: number | null) {
  const { api } = usePanel();
  return useLoad(showId === null ? null : `report/${showId}`, () =>
    api.call('report:show', { id: showId ?? 0 }),
  );
}
