import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../../shared/devices';
import { usePanel } from '../api/panel-context';
import { auditQuery, pageWithin, sinceFor, type AuditFilter } from './audit-query';
import type { LoadState } from './useDevices';

export interface AuditLogData {
  entries: AuditEntry[];
  state: LoadState;
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** The rows on screen are for another filter (or version) than the one asked for: a load runs. */
  stale: boolean;
  /** Every action this log has shown, for the action filter's choices. */
  seenActions: ReadonlySet<string>;
  loadOlder: () => void;
  retry: () => void;
}

/**
 * The audit log for one filter, newest first, a page at a time. `version` changes when the screen
 * knows the log has news (a device was renamed or revoked here), which reloads the first page.
 */
export function useAuditLog(filter: AuditFilter, version: number): AuditLogData {
  const { api, serverNow } = usePanel();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [state, setState] = useState<LoadState>('loading');
  const [error, setError] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [seenActions, setSeenActions] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const [loadedFor, setLoadedFor] = useState('');
  // Answers to an older filter arrive late sometimes; only the latest request may write the list.
  const latest = useRef(0);
  // The clock's estimate is refined every minute; that must not reload the log (and drop older pages).
  const now = useRef(serverNow);
  useEffect(() => {
    now.current = serverNow;
  });

  const remember = useCallback((rows: AuditEntry[]) => {
    setSeenActions((seen) => {
      const fresh = rows.filter((r) => !seen.has(r.action));
      return fresh.length ? new Set([...seen, ...fresh.map((r) => r.action)]) : seen;
    });
  }, []);

  const { deviceId, action, range } = filter;
  const key = JSON.stringify([deviceId, action, range, version, attempt]);
  useEffect(() => {
    const request = ++latest.current;
    const current: AuditFilter = { deviceId, action, range };
    const since = sinceFor(range, now.current());
    void api.call('audit:list', auditQuery(current)).then((result) => {
      if (request !== latest.current) return;
      setLoadedFor(key);
      if (!result.ok) {
        setState('error');
        setError(result.error.message);
        return;
      }
      const page = pageWithin(result.value, since);
      setEntries(page.rows);
      setHasMore(page.hasMore);
      setState('ready');
      setError(null);
      remember(result.value);
    });
  }, [api, deviceId, action, range, key, remember]);

  const loadOlder = useCallback(() => {
    const last = entries.at(-1);
    if (!last) return;
    const request = ++latest.current;
    const since = sinceFor(range, now.current());
    setLoadingMore(true);
    void api.call('audit:list', auditQuery({ deviceId, action, range }, last.id)).then((result) => {
      if (request !== latest.current) return;
      setLoadingMore(false);
      if (!result.ok) return setError(result.error.message);
      const page = pageWithin(result.value, since);
      setEntries((before) => [...before, ...page.rows]);
      setHasMore(page.hasMore);
      setError(null);
      remember(result.value);
    });
  }, [api, entries, deviceId, action, range, remember]);

  const retry = useCallback(() => {
    setState('loading');
    setAttempt((n) => n + 1);
  }, []);

  return {
    entries,
    state,
    error,
    hasMore,
    loadingMore,
    stale: loadedFor !== key,
    seenActions,
    loadOlder,
    retry,
  };
}
