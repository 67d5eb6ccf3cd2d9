import { ConversionTable } from './ConversionTable';
import { LIVE_WINDOW_MINUTES, type DropKpis } from './useDropKpis';

/**
 * Conversion of the drop's show by touchpoint and by creator. The host reads the whole show
 * (kpi:show); co-hosts may only read the live KPIs, which cover the last hours and no creators.
 */
export function ConversionSection({ kpis, isHost }: { kpis: DropKpis; isHost: boolean }) {
  if (kpis.status !== 'ready') return null;
  const full = isHost ? kpis.full : null;
  return (
    <section className="card" aria-labelledby="dash-conversion-title">
      <h2 id="dash-conversion-title" className="dash-title">
        Conversion
      </h2>
      <div className="dash-conversion">
        <ConversionTable
          caption={
            full ? 'By touchpoint (whole show)' : `By touchpoint (last ${LIVE_WINDOW_MINUTES / 60} hours)`
          }
          keyLabel="Touchpoint"
          rows={full ? full.conversionByTouchpoint : (kpis.live?.conversionByTouchpoint ?? [])}
        />
        {full ? (
          <ConversionTable
            caption="By creator (whole show)"
            keyLabel="Creator"
            rows={full.conversionByCreator}
          />
        ) : (
          <p className="muted dash-note">Conversion by creator is for the host.</p>
        )}
      </div>
    </section>
  );
}
