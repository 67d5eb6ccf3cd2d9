import { useId, useState } from 'react';
import type { Show } from '../../../shared/insights/shows';
import type { PanelViewProps } from '../shell/view-props';
import { formatDateTime } from './report-format';
import { ReportBody } from './ReportBody';
import { useShowReport, useShows } from './useReportData';
import './report.css';
import { LoadFailed } from '../components/LoadFailed';

/** The after-show report inside the panel: pick a show, read it, print it. Host only (it is money). */
export function ReportView({ me }: PanelViewProps) {
  if (me.role !== 'host') {
    return (
      <section className="card report-view" aria-label="Report">
        <h2>After-show report</h2>
        <p role="status">
          The report is for the host only: it shows revenue and what each creator is owed. Ask the host for a
          printed copy.
        </p>
      </section>
    );
  }
  return <HostReport />;
}

function showLabel(s: Show): string {
  return s.startsAt === null ? s.name : `${s.name} · ${formatDateTime(s.startsAt)}`;
}

/** The picked show survives a trip to another screen (and a reload) in this tab. */
const PICKED_KEY = 'dropdeck.report.show';

function readPicked(): number | null {
  const stored = Number(window.sessionStorage.getItem(PICKED_KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : null;
}

function HostReport() {
  const pickerId = useId();
  const [shows, retryShows] = useShows();
  const [picked, setPicked] = useState<number | null>(readPicked);
  // Newest first from the API: the show that just ended is the one a host opens the report for.
  const list = shows.state === 'ready' ? shows.value : [];
  const showId = list.find((s) => s.id === picked)?.id ?? list[0]?.id ?? null;
  const [report, retryReport, refreshing] = useShowReport(showId);
  const pick = (id: number): void => {
    window.sessionStorage.setItem(PICKED_KEY, String(id));
    setPicked(id);
  };

  return (
    <section className="card report-view" aria-label="Report">
      <div className="report-toolbar no-print">
        <h2>After-show report</h2>
        {list.length > 0 && (
          <div className="report-toolbar__controls">
            <div className="field">
              <label htmlFor={pickerId}>Show</label>
              <select id={pickerId} value={showId ?? ''} onChange={(e) => pick(Number(e.target.value))}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {showLabel(s)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button" onClick={retryReport} disabled={refreshing}>
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => window.print()}
              disabled={report.state !== 'ready'}
            >
              Print
            </button>
            {showId !== null && (
              <a
                className="report-toolbar__link"
                href={`./report.html?show=${showId}`}
                target="_blank"
                rel="noopener"
              >
                Open the printable page (charts, exports)
              </a>
            )}
          </div>
        )}
      </div>

      {shows.state === 'loading' && <p className="muted">Loading shows…</p>}
      {shows.state === 'error' && (
        <LoadFailed what="the shows" message={shows.message} onRetry={retryShows} />
      )}
      {shows.state === 'ready' && list.length === 0 && (
        <p className="muted">
          No shows yet. Create one under Shows & drops, put drops in it, and its report appears here.
        </p>
      )}
      {showId !== null && report.state === 'loading' && <p className="muted">Loading the report…</p>}
      {report.state === 'error' && (
        <LoadFailed what="the report" message={report.message} onRetry={retryReport} />
      )}
      {report.state === 'ready' && <ReportBody report={report.value} />}
    </section>
  );
}
