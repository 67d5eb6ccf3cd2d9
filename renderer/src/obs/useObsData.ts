import { useCallback, useEffect, useState } from 'react';
import type { ObsActionFailure } from '../../../shared/hub-events';
import type { HubSocket } from '../api/hub';
import { usePanel } from '../api/panel-context';
import { useLoad, type Load } from '../links/useLoad';

const MAX_FAILURES = 20;

/**
 * What the OBS screen reads from the core when it opens: the status (the shell's hub copy takes over
 * when newer), the last stream-health reading, and the drop steps OBS refused — then live from the hub.
 */
export function useObsData(socket: HubSocket) {
  const { api } = usePanel();
  const [attempt, setAttempt] = useState(0);
  const [heard, setHeard] = useState<ObsActionFailure[]>([]);
  const key = `obs:${attempt}`;
  const status = useLoad(
    key,
    useCallback(() => api.call('obs:status', {}), [api]),
  );
  const health = useLoad(
    key,
    useCallback(() => api.call('obs:health', {}), [api]),
  );
  const loadedFailures = useLoad(
    key,
    useCallback(() => api.call('obs:action-failures', {}), [api]),
  );

  useEffect(() => {
    const onFailed = (failure: ObsActionFailure): void =>
      setHeard((current) => [failure, ...current].slice(0, MAX_FAILURES));
    socket.on('obs:action-failed', onFailed);
    return () => {
      socket.off('obs:action-failed', onFailed);
    };
  }, [socket]);

  const failures: Load<ObsActionFailure[]> =
    loadedFailures?.state === 'ready'
      ? { state: 'ready', value: newestFailures(heard, loadedFailures.value) }
      : (loadedFailures ?? { state: 'loading' });

  return {
    status: status ?? { state: 'loading' as const },
    health: health?.state === 'ready' ? health.value : null,
    failures,
    retry: useCallback(() => setAttempt((a) => a + 1), []),
  };
}

/** Hub failures heard since the screen opened, ahead of the loaded list, without repeats. */
function newestFailures(
  heard: readonly ObsActionFailure[],
  loaded: readonly ObsActionFailure[],
): ObsActionFailure[] {
  const id = (f: ObsActionFailure): string => `${f.dropId}|${f.moment}|${f.at}`;
  const seen = new Set(heard.map(id));
  return [...heard, ...loaded.filter((f) => !seen.has(id(f)))].slice(0, MAX_FAILURES);
}

/** OBS's scenes, loaded whenever OBS is (again) connected; null while it is not. */
export function useObsScenes(connected: boolean) {
  const { api } = usePanel();
  const [attempt, setAttempt] = useState(0);
  // A fresh key per connection, so a reconnect reloads (OBS may have restarted with other scenes).
  const [connections, setConnections] = useState({ connected, count: 0 });
  if (connections.connected !== connected) setConnections({ connected, count: connections.count + 1 });
  const scenes = useLoad(
    connected ? `scenes:${connections.count}:${attempt}` : null,
    useCallback(() => api.call('obs:scenes', {}), [api]),
  );
  return { scenes, reloadScenes: useCallback(() => setAttempt((a) => a + 1), []) };
}
