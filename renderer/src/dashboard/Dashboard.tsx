import { useMemo, useState } from 'react';
import { usePanel } from '../api/panel-context';
import { DropList } from '../components/DropList';
import { formatClockTime } from '../lib/format';
import type { PanelViewProps } from '../shell/view-props';
import { AlarmList } from './AlarmList';
import { ConversionSection } from './ConversionSection';
import { buildAlarms } from './alarms';
import { DropPicker } from './DropPicker';
import { KpiSection } from './KpiSection';
import { LiveCharts } from './LiveCharts';
import { OnAirCard } from './OnAirCard';
import { isOnAir, pickDrop, startedDrops } from './pick-drop';
import { useAlarmFeeds } from './useAlarmFeeds';
import { useDropKpis } from './useDropKpis';
import { useDismissedAlarms } from './useDismissedAlarms';
import { useDropStats } from './useDropStats';
import './dashboard.css';

function NothingRanYet({ isHost, hasDrops }: { isHost: boolean; hasDrops: boolean }) {
  return (
    <section className="card dash-empty" aria-label="No drop yet">
      <h2 className="dash-title">No drop has run yet</h2>
      {isHost ? (
        <p>
          Create one on the <a href="#/drops">Shows &amp; drops</a> screen; once it starts, its clock, stock,
          scans and sales show here.
        </p>
      ) : (
        <p>
          The host creates drops on their laptop.
          {hasDrops ? ' Start one from the list below and it shows here.' : ''}
        </p>
      )}
    </section>
  );
}

/**
 * The live show on one screen: alarms first, then the drop on air with its clock and controls, the
 * show's KPIs, per-minute charts by touchpoint and conversion; every other drop below for quick control.
 */
export function Dashboard({ state, me, socket, onUpdated }: PanelViewProps) {
  const { api, serverNow } = usePanel();
  const isHost = me.role === 'host';
  const [pickedId, setPickedId] = useState<number | null>(null);
  const [dismissed, dismiss] = useDismissedAlarms();

  const now = serverNow();
  const drop = pickDrop(state.drops, now, pickedId);
  const onAirNow = pickDrop(state.drops, now, null);
  // Looking at an older drop by hand must not hide that another one went on air meanwhile.
  const missed = onAirNow && drop && onAirNow.id !== drop.id && isOnAir(onAirNow, now) ? onAirNow : null;
  const started = useMemo(() => startedDrops(state.drops), [state.drops]);
  // The shown drop has its controls above; every other one keeps its card for quick control.
  const others = state.drops.filter((d) => d.id !== drop?.id);
  const stats = useDropStats(api, drop?.id ?? null, drop ? state.stats[drop.id] : undefined);
  const kpis = useDropKpis(api, socket, drop?.id ?? null, isHost);
  const feeds = useAlarmFeeds(api, socket);

  const alarms = buildAlarms({
    store: state.store,
    obs: state.obs,
    relay: state.relay,
    drops: state.drops,
    shownDropId: drop?.id ?? null,
    webhooks: feeds.webhooks,
    liveRejection: feeds.liveRejection,
    obsFailures: feeds.obsFailures,
    dismissed,
    now,
    formatTime: formatClockTime,
  });

  return (
    <div className="dash">
      <AlarmList
        alarms={alarms}
        onDismiss={dismiss}
        webhookError={feeds.webhookError}
        onRetryWebhooks={feeds.retryWebhooks}
      />
      {drop ? (
        <>
          <DropPicker drops={started} pickedId={pickedId} onPick={setPickedId} />
          {missed && (
            <p className="dash-missed" role="status">
              <span>
                <strong>{missed.title}</strong> is on air {isOnAir(drop, now) ? 'too' : 'now'}.
              </span>
              <button type="button" className="button" onClick={() => setPickedId(null)}>
                Show it
              </button>
            </p>
          )}
          <div className="dash__top">
            <OnAirCard drop={drop} onAir={isOnAir(drop, now)} onUpdated={onUpdated} />
            <KpiSection drop={drop} kpis={kpis} isHost={isHost} />
          </div>
          <LiveCharts rows={stats.rows} error={stats.error} onRetry={stats.retry} />
          <ConversionSection kpis={kpis} isHost={isHost} />
        </>
      ) : (
        <NothingRanYet isHost={isHost} hasDrops={state.drops.length > 0} />
      )}
      {others.length > 0 && (
        <section className="dash-all" aria-labelledby="dash-all-title">
          <h2 id="dash-all-title" className="dash-title">
            {drop ? 'Other drops' : 'All drops'}
          </h2>
          <DropList drops={others} stats={state.stats} onUpdated={onUpdated} />
        </section>
      )}
    </div>
  );
}
