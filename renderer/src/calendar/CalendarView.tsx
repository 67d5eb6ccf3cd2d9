import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Calendar, Drop } from '../../../shared/drops';
import { usePanel } from '../api/panel-context';
import { openDropInEditor } from '../editor/open-in-editor';
import { formatClockTime, formatMoney } from '../lib/format';
import type { PanelViewProps } from '../shell/view-props';
import { buildWeek, dayTitle, localDateKey, shiftWeek, weekTitle, type Week } from './week';
import './calendar.css';
import { LoadFailed } from '../components/LoadFailed';

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; calendar: Calendar };

const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Week view of scheduled drops, Monday to Sunday in this device's time zone; read-only for everyone. */
export function CalendarView({ socket, me }: PanelViewProps) {
  const { api } = usePanel();
  const [week, setWeek] = useState<Week>(() => buildWeek(new Date()));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void api.call('calendar:get', { from: week.from, to: week.to, timeZone: timeZone() }).then((r) => {
      if (cancelled) return;
      setLoad(r.ok ? { status: 'ready', calendar: r.value } : { status: 'error', message: r.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [api, week, attempt]);

  // A drop scheduled, moved or started elsewhere (the editor, another device) changes this week.
  useEffect(() => {
    const refresh = (): void => setAttempt((n) => n + 1);
    socket.on('drop:updated', refresh);
    return () => {
      socket.off('drop:updated', refresh);
    };
  }, [socket]);

  const go = useCallback((next: Week) => {
    setLoad({ status: 'loading' });
    setWeek(next);
  }, []);
  const retry = (): void => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  const byDate = useMemo(() => {
    const map = new Map<string, Drop[]>();
    if (load.status === 'ready') for (const day of load.calendar.days) map.set(day.date, day.drops);
    return map;
  }, [load]);
  const today = localDateKey(new Date());
  const isThisWeek = week.days.some((d) => d.date === today);
  const total = [...byDate.values()].reduce((n, drops) => n + drops.length, 0);

  return (
    <section className="calendar" aria-labelledby="calendar-title">
      <header className="calendar__header">
        <h2 id="calendar-title">Week of {weekTitle(week)}</h2>
        <div className="controls__row">
          <button type="button" className="button" onClick={() => go(shiftWeek(week, -1))}>
            Previous week
          </button>
          <button
            type="button"
            className="button"
            disabled={isThisWeek}
            onClick={() => go(buildWeek(new Date()))}
          >
            This week
          </button>
          <button type="button" className="button" onClick={() => go(shiftWeek(week, 1))}>
            Next week
          </button>
        </div>
      </header>
      {load.status === 'loading' && <p className="muted">Loading the calendar…</p>}
      {load.status === 'error' && <LoadFailed what="the calendar" message={load.message} onRetry={retry} />}
      {load.status === 'ready' && (
        <>
          <p className="muted" role="status">
            {total === 0
              ? 'No drops scheduled this week.'
              : `${total} scheduled ${total === 1 ? 'drop' : 'drops'} this week · times in ${load.calendar.timeZone}`}
          </p>
          <ol className="calendar__week">
            {week.days.map((day) => {
              const drops = byDate.get(day.date) ?? [];
              const label = dayTitle(day.start);
              return (
                <li
                  key={day.date}
                  className={day.date === today ? 'calendar__day calendar__day--today' : 'calendar__day'}
                  aria-label={`${label}${day.date === today ? ' (today)' : ''}`}
                >
                  <h3 className="calendar__day-title">
                    <time dateTime={day.date}>{label}</time>
                    {day.date === today && <span className="calendar__today">Today</span>}
                  </h3>
                  {drops.length === 0 ? (
                    <p className="muted calendar__none">Nothing scheduled</p>
                  ) : (
                    <ul className="calendar__drops">
                      {drops.map((drop) => (
                        <CalendarDrop key={drop.id} drop={drop} editable={me.role === 'host'} />
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** Hosts can open a drop in the editor from here; co-hosts only read. */
function CalendarDrop({ drop, editable }: { drop: Drop; editable: boolean }) {
  const at = drop.scheduledAt ?? 0;
  const cheapest = Math.min(...drop.tiers.map((t) => t.priceCents));
  const price =
    drop.tiers.length > 1
      ? `from ${formatMoney(cheapest, drop.currency)} · ${drop.tiers.length} tiers`
      : formatMoney(drop.priceCents, drop.currency);
  return (
    <li className="calendar__drop">
      <time dateTime={new Date(at).toISOString()} className="calendar__time">
        {formatClockTime(at)}
      </time>
      {editable ? (
        <a className="calendar__drop-title" href="#/drops" onClick={() => openDropInEditor(drop.id)}>
          {drop.title}
        </a>
      ) : (
        <span className="calendar__drop-title">{drop.title}</span>
      )}
      <span className="muted calendar__drop-meta">
        {drop.stock} units · {price}
      </span>
    </li>
  );
}
