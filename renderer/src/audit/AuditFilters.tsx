import { useId } from 'react';
import type { Device } from '../../../shared/devices';
import {
  actionOptions,
  isFiltered,
  NO_FILTER,
  TIME_RANGES,
  type AuditFilter,
  type TimeRangeId,
} from './audit-query';

interface Props {
  filter: AuditFilter;
  onChange: (filter: AuditFilter) => void;
  devices: Device[];
  seenActions: ReadonlySet<string>;
}

/** Device, action and time range: the first two are the API's own filters, the range cuts its pages. */
export function AuditFilters({ filter, onChange, devices, seenActions }: Props) {
  const id = useId();
  return (
    <div className="audit-filters" role="group" aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor={`${id}-device`}>Device</label>
        <select
          id={`${id}-device`}
          value={filter.deviceId === null ? '' : String(filter.deviceId)}
          onChange={(e) =>
            onChange({ ...filter, deviceId: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">Everyone</option>
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
              {d.revokedAt !== null ? ' (revoked)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <select
          id={`${id}-action`}
          value={filter.action}
          onChange={(e) => onChange({ ...filter, action: e.target.value })}
        >
          <option value="">All actions</option>
          {actionOptions(seenActions).map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-range`}>Time</label>
        <select
          id={`${id}-range`}
          value={filter.range}
          onChange={(e) => {
            const range = TIME_RANGES.find((r) => r.id === e.target.value)?.id ?? 'all';
            onChange({ ...filter, range: range satisfies TimeRangeId });
          }}
        >
          {TIME_RANGES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button--quiet audit-filters__clear"
        onClick={() => onChange(NO_FILTER)}
        disabled={!isFiltered(filter)}
      >
        Clear filters
      </button>
    </div>
  );
}
