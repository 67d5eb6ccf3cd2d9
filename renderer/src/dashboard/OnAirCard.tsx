import type { Drop } from '../../../shared/drops';
import { Countdown } from '../components/Countdown';
import { DropControls } from '../components/DropControls';
import { StateBadge } from '../components/StateBadge';
import { formatMoney } from '../lib/format';
import { Stat } from './Stat';
import './tables.css';

interface Props {
  drop: Drop;
  onAir: boolean;
  onUpdated: (drop: Drop) => void;
}

/** The drop on the dashboard: its clock, stock, holds and the buttons to run it. */
export function OnAirCard({ drop, onAir, onUpdated }: Props) {
  return (
    <section
      className={`card dash-onair dash-onair--${drop.state}`}
      aria-label={onAir ? 'On air' : 'Shown drop'}
    >
      <header className="dash-onair__header">
        <div className="dash-onair__name">
          <p className="muted dash-kicker">{onAir ? 'On air' : 'Not on air'}</p>
          <h2 className="dash-onair__title">{drop.title}</h2>
        </div>
        <StateBadge state={drop.state} />
      </header>
      <Countdown drop={drop} />
      <div className="dash-stats">
        <Stat label="Sold">{drop.sold}</Stat>
        <Stat label="Left">{drop.stock}</Stat>
        <Stat label="In checkout">{drop.held}</Stat>
        {drop.oversold > 0 && (
          <Stat label="Oversold" tone="stop">
            {drop.oversold}
          </Stat>
        )}
        <Stat label="Price">{formatMoney(drop.priceCents, drop.currency)}</Stat>
      </div>
      {drop.tiers.length > 1 && (
        <div className="dash-table-wrap" tabIndex={0} role="group" aria-label="Tiers">
          <table className="dash-table">
            <caption>Tiers</caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">Sold</th>
                <th scope="col">Left</th>
                <th scope="col">In checkout</th>
              </tr>
            </thead>
            <tbody>
              {drop.tiers.map((tier) => (
                <tr key={tier.id}>
                  <th scope="row">{tier.name}</th>
                  <td>{tier.sold}</td>
                  <td>{tier.stock}</td>
                  <td>{tier.held}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DropControls drop={drop} onUpdated={onUpdated} />
    </section>
  );
}
