import { useCallback, useEffect, useState } from 'react';
import type { Show } from '../../../shared/insights/shows';
import { usePanel } from '../api/panel-context';

export type ShowsState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; shows: Show[] };

/** Shows have no hub event: loaded once, then kept current from each command's answer. */
export function useShows(): {
  shows: ShowsState;
  reload: () => void;
  upsert: (show: Show) => void;
} {
  const { api } = usePanel();
  const [shows, setShows] = useState<ShowsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void api.call('show:list', {}).then((result) => {
      if (cancelled) return;
      setShows(
        result.ok
          ? { status: 'ready', shows: result.value }
          : { status: 'error', message: result.error.message },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);

  const reload = useCallback(() => {
    setShows({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const upsert = useCallback((show: Show) => {
    setShows((current) => {
      if (current.status !== 'ready') return current;
      const others = current.shows.filter((s) => s.id !== show.id);
      // A drop belongs to one show at most: an assignment moves it out of the others.
      const cleaned = others.map((s) => ({
        ...s,
        dropIds: s.dropIds.filter((id) => !show.dropIds.includes(id)),
      }));
      return { status: 'ready', shows: [show, ...cleaned].sort((a, b) => b.id - a.id) };
    });
  }, []);
  return { shows, reload, upsert };
}
