import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveKpis, ShowKpis } from '../../../shared/insights/kpis';
import type { Show } from '../../../shared/insights/shows';
import type { ApiClient } from '../api/http';
import type { HubSocket } from '../api/hub';
import { createRefetchScheduler } from './refetch-scheduler';

/**
 * A refresh this often even when the hub is quiet: the host may put the drop in a show, or a
 * rate's window may move on, without any sale or scan to say so.
 */
const QUIET_REFRESH_MS = 15_000;

/** kpi:live over this many minutes: the longest the API allows, so a whole show usually fits. */
export const LIVE_WINDOW_MINUTES = 240;

export interface DropKpis {
  /** `loading` until the first answer; `no-show` when the drop belongs to no show. */
  status: 'loading' | 'no-show' | 'ready';
  show: Show | null;
  live: LiveKpis | null;
  /** Host only (money, lag, creators); null for co-hosts. */
  full: ShowKpis | null;
  /** The last refresh failed; what was loaded before stays on screen. */
  error: string | null;
  retry: () => void;
}

interface Loaded {
  /** Which drop this answer is for: a switch to another drop shows `loading`, not the old numbers. */
  dropId: number | null;
  status: DropKpis['status'];
  show: Show | null;
  live: LiveKpis | null;
  full: ShowKpis | null;
  error: string | null;
}

const LOADING: Loaded = { dropId: null, status: 'loading', show: null, live: null, full: null, error: null };

/**
 * The KPIs of the show the drop belongs to, refreshed when the hub says something changed: a sale
 * (urgent: the host watches for it), a stats patch or a drop update (coalesced to about one request a
 * second). The show is looked up again on each refresh, since the host may assign the drop meanwhile.
 */
export function useDropKpis(
  api: ApiClient,
  socket: HubSocket,
  dropId: number | null,
  isHost: boolean,
): DropKpis {
  const [loaded, setLoaded] = useState<Loaded>(LOADING);
  const retryRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (dropId === null) return;
    let alive = true;
    let showDrops = new Set<number>([dropId]);

    const load = async (): Promise<void> => {
      const shows = await api.call('show:list', {});
      if (!alive) return;
      if (!shows.ok) {
        setLoaded((prev) => ({
          ...(prev.dropId === dropId ? prev : LOADING),
          dropId,
          error: shows.error.message,
        }));
        return;
      }
      const show = shows.value.find((s) => s.dropIds.includes(dropId)) ?? null;
      if (!show) {
        setLoaded({ dropId, status: 'no-show', show: null, live: null, full: null, error: null });
        return;
      }
      showDrops = new Set(show.dropIds);
      const [live, full] = await Promise.all([
        api.call('kpi:live', { id: show.id, minutes: LIVE_WINDOW_MINUTES }),
        isHost ? api.call('kpi:show', { id: show.id }) : Promise.resolve(null),
      ]);
      if (!alive) return;
      const failed = !live.ok ? live.error.message : full && !full.ok ? full.error.message : null;
      setLoaded((before) => {
        const prev = before.dropId === dropId ? before : LOADING;
        return {
          dropId,
          status: 'ready',
          show,
          live: live.ok ? live.value : prev.show?.id === show.id ? prev.live : null,
          full: full?.ok ? full.value : prev.show?.id === show.id ? prev.full : null,
          error: failed,
        };
      });
    };

    const scheduler = createRefetchScheduler({
      run: load,
      now: () => performance.now(),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (id) => window.clearTimeout(id),
    });
    const onSale = (sale: { dropId: number }): void => {
      if (showDrops.has(sale.dropId)) scheduler.request(true);
    };
    const onChange = (change: { dropId: number } | { id: number }): void => {
      const id = 'dropId' in change ? change.dropId : change.id;
      if (showDrops.has(id)) scheduler.request(false);
    };
    // Back after a dropped connection: events were missed, so ask again.
    const onConnect = (): void => scheduler.request(true);
    socket.on('sale:recorded', onSale);
    socket.on('stats:updated', onChange);
    socket.on('drop:updated', onChange);
    socket.on('connect', onConnect);
    const quiet = window.setInterval(() => scheduler.request(false), QUIET_REFRESH_MS);
    retryRef.current = () => scheduler.request(true);
    scheduler.request(true);
    return () => {
      alive = false;
      scheduler.dispose();
      window.clearInterval(quiet);
      socket.off('sale:recorded', onSale);
      socket.off('stats:updated', onChange);
      socket.off('drop:updated', onChange);
      socket.off('connect', onConnect);
    };
  }, [api, socket, dropId, isHost]);

  const retry = useCallback(() => retryRef.current(), []);
  const current = loaded.dropId === dropId ? loaded : LOADING;
  return {
    status: current.status,
    show: current.show,
    live: current.live,
    full: current.full,
    error: current.error,
    retry,
  };
}
