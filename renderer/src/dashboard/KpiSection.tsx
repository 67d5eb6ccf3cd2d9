import type { Drop } from '../../../shared/drops';
import { formatClockTime, formatMoney } from '../lib/format';
import { formatMinutes } from './kpi-format';
import { SellThroughGauge } from './SellThroughGauge';
import './kpis.css';
import { Stat } from './Stat';
import type { DropKpis } from './useDropKpis';

interface Props {
  drop: Drop;
  kpis: DropKpis;
  isHost: boolean;
}

function NoShow({ isHost }: { isHost: boolean }) {
  return (
    <section className="card dash-kpis" aria-label="Show KPIs">
      <h2 className="dash-title">Show KPIs</h2>
      <p className="muted">
        This drop is in no show, so there is no sell-through, conversion, lag or revenue to show: KPIs are
        counted per show.{' '}
        {isHost ? (
          <>
            Put it in a show on the <a href="#/drops">Shows &amp; drops</a> screen.
          </>
        ) : (
          'The host can put it in one.'
        )}
      </p>
    </section>
  );
}

/** Sell-through, money and conversion of the drop's show, exactly as the KPI endpoints answer them. */
export function KpiSection({ drop, kpis, isHost }: Props) {
  if (kpis.status === 'no-show') return <NoShow isHost={isHost} />;
  const mine = kpis.live?.drops.find((d) => d.dropId === drop.id);
  const full = kpis.full;
  return (
    <section className="card dash-kpis" aria-label="Show KPIs">
      <div className="dash-kpis__head">
        <h2 className="dash-title">{kpis.show ? kpis.show.name : 'Show KPIs'}</h2>
        {kpis.live && <span className="muted">updated {formatClockTime(kpis.live.at)}</span>}
      </div>
      {kpis.error && (
        <div className="form-error dash-inline-error" role="alert">
          <p>The KPIs could not be refreshed: {kpis.error}</p>
          <button type="button" className="button" onClick={kpis.retry}>
            Retry
          </button>
        </div>
      )}
      {kpis.status === 'loading' ? (
        !kpis.error && <p className="muted">Loading the show's KPIs…</p>
      ) : (
        <>
          <div className="dash-kpis__top">
            {mine ? (
              <SellThroughGauge
                unitsSold={mine.unitsSold}
                unitsTotal={mine.unitsTotal}
                sellThrough={mine.sellThrough}
              />
            ) : (
              <p className="muted">No sell-through for this drop yet.</p>
            )}
            {isHost && full ? (
              <div className="dash-stats dash-stats--column">
                {full.revenue.length === 0 ? (
                  <Stat label={`Net revenue (${drop.currency})`}>{formatMoney(0, drop.currency)}</Stat>
                ) : (
                  full.revenue.map((r) => (
                    <Stat
                      key={r.currency}
                      label={`Net revenue (${r.currency})`}
                      note={`${formatMoney(r.grossCents, r.currency)} gross, ${formatMoney(r.refundsCents, r.currency)} refunds`}
                    >
                      {formatMoney(r.netCents, r.currency)}
                    </Stat>
                  ))
                )}
                <Stat
                  label="Median click-to-purchase"
                  note={`p90 ${formatMinutes(full.purchaseLag.p90Minutes)} · ${full.purchaseLag.purchases} purchases`}
                >
                  {formatMinutes(full.purchaseLag.medianMinutes)}
                </Stat>
              </div>
            ) : (
              <p className="muted dash-note">Revenue, click-to-purchase lag and creators are for the host.</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
