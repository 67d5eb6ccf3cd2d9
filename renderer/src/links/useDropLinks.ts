import { useCallback, useEffect, useState } from 'react';
import type { Link } from '../../../shared/links';
import type { HubSocket } from '../api/hub';
import { usePanel } from '../api/panel-context';
import { mergeLinks } from './link-status';
import { useLoad } from './useLoad';

/**
 * A drop's links and the touchpoints they can belong to, refetched when the hub says a link of this
 * drop rotated (the QR overlay asked for a fresh one), so what the host prints is never stale.
 * Links the API just answered (created, revoked) are folded in at once, ahead of any refetch.
 */
export function useDropLinks(dropId: number | null, socket: HubSocket) {
  const { api } = usePanel();
  const [attempt, setAttempt] = useState(0);
  const [refresh, setRefresh] = useState(0);
  const [local, setLocal] = useState<{ dropId: number; links: Link[] }>({ dropId: 0, links: [] });

  const touchpoints = useLoad(
    `touchpoints:${attempt}`,
    useCallback(() => api.call('touchpoint:list', {}), [api]),
  );
  const fetched = useLoad(
    dropId === null ? null : `links:${dropId}:${attempt}`,
    useCallback(() => api.call('link:list', { id: dropId ?? 0 }), [api, dropId]),
    refresh,
  );

  useEffect(() => {
    const onRotated = (link: { dropId: number }): void => {
      if (link.dropId === dropId) setRefresh((n) => n + 1);
    };
    socket.on('link:rotated', onRotated);
    return () => {
      socket.off('link:rotated', onRotated);
    };
  }, [socket, dropId]);

  const upsert = useCallback(
    (link: Link) =>
      setLocal((current) => ({
        dropId: link.dropId,
        links: [
          link,
          ...(current.dropId === link.dropId ? current.links : []).filter((l) => l.code !== link.code),
        ],
      })),
    [],
  );

  const links =
    fetched?.state === 'ready'
      ? {
          state: 'ready' as const,
          value: mergeLinks(fetched.value, local.dropId === dropId ? local.links : []),
        }
      : fetched;

  return { links, touchpoints, retry: useCallback(() => setAttempt((a) => a + 1), []), upsert };
}
