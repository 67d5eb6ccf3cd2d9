import { useState } from 'react';
import type { Device } from '../../../shared/devices';
import { usePanel } from '../api/panel-context';
import { ActionError } from '../components/ActionError';
import { NO_FILTER, describeDetail, describeSubject, isFiltered, type AuditFilter } from './audit-query';
import { AuditFilters } from './AuditFilters';
import { formatWhen } from './device-status';
import { useAuditLog } from './useAuditLog';
import { LoadFailed } from '../components/LoadFailed';

interface Props {
  devices: Device[];
  /** Bumped by the screen when it changed something the log records. */
  version: number;
}

/** Who did what, newest first, filterable by device, action and time, a page at a time. */
export function AuditLog({ devices, version }: Props) {
  const { serverNow } = usePanel();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const log = useAuditLog(filter, version);
  const now = serverNow();
  const filtered = isFiltered(filter);

  return (
    <section className="card audit" aria-label="Audit log">
      <div className="audit__head">
        <h2>Audit log</h2>
        <button type="button" className="button button--quiet" onClick={log.retry}>
          Refresh log
        </button>
      </div>
      <AuditFilters filter={filter} onChange={setFilter} devices={devices} seenActions={log.seenActions} />
      {log.state === 'loading' && <p className="muted">Loading the audit log…</p>}
      {log.state === 'error' && (
        <LoadFailed what="the audit log" message={log.error ?? ''} onRetry={log.retry} />
      )}
      {log.state === 'ready' && log.entries.length === 0 && (
        <p className="muted">{filtered ? 'No entries match these filters.' : 'Nothing recorded yet.'}</p>
      )}
      {log.state !== 'error' && log.entries.length > 0 && (
        <>
          <p className="muted audit__count" aria-live="polite">
            {log.entries.length} {log.entries.length === 1 ? 'entry' : 'entries'}
            {log.hasMore ? ' shown, older ones below' : ''}
          </p>
          <ol className="audit-rows" aria-label="Audit entries" aria-busy={log.stale}>
            {log.entries.map((e) => {
              const detail = describeDetail(e.detail);
              return (
                <li key={e.id} className="audit-row">
                  <time
                    className="audit-row__when muted"
                    dateTime={new Date(e.at).toISOString()}
                    title={new Date(e.at).toLocaleString()}
                  >
                    {formatWhen(e.at, now)}
                  </time>
                  <span className="audit-row__actor">{e.actor}</span>
                  <code className="audit-row__action">{e.action}</code>
                  <span className="audit-row__subject muted">{describeSubject(e)}</span>
                  {detail && <span className="audit-row__detail">{detail}</span>}
                </li>
              );
            })}
          </ol>
        </>
      )}
      {log.state === 'ready' && log.hasMore && (
        <button type="button" className="button" onClick={log.loadOlder} disabled={log.loadingMore}>
          {log.loadingMore ? 'Loading…' : 'Load older entries'}
        </button>
      )}
      {log.state === 'ready' && <ActionError error={log.error} />}
    </section>
  );
}
