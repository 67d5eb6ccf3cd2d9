import type { Drop } from '../../../shared/drops';
import type { StatsRow } from '../../../shared/stats';
import { formatMoney } from '../lib/format';
import { Countdown } from './Countdown';
import { DropControls } from './DropControls';
import { LinkPanel } from './LinkPanel';
import { StateBadge } from './StateBadge';
import { StatsChart } from './StatsChart';

interface Props {
  drop: Drop;
  stats: readonly StatsRow[] | undefined;
  onUpdated: (drop: Drop) => void;
}

function StatusLine({ drop }: { drop: Drop }) {
  if (drop.state === 'draft') return <p className="muted">Ready — press Start when you show it on stream.</p>;
  if (drop.state === 'scheduled') return <p className="muted">Scheduled.</p>;
  if (drop.state === 'sold_out') return <p className="muted">Sold out — restock to reopen.</p>;
  if (drop.state === 'ended') return <p className="muted">Ended.</p>;
  return null;
}

/** One drop: what it is, where it stands, and everything the host can do to it right now. */
export function DropCard({ drop, stats, onUpdated }: Props) {
  return (
    <article className={`card drop drop--${drop.state}`} aria-label={drop.title}>
      <header className="drop__header">
        <h3>{drop.title}</h3>
        <StateBadge state={drop.state} />
      </header>
      <Countdown drop={drop} />
      <StatusLine drop={drop} />
      <p className="drop__numbers">
        <span>
          <strong>{drop.sold}</strong> sold
        </span>
        <span>
          <strong>{drop.stock}</strong> left
        </span>
        <span>{formatMoney(drop.priceCents, drop.currency)}</span>
      </p>
      <DropControls drop={drop} onUpdated={onUpdated} />
      <LinkPanel dropId={drop.id} />
      {drop.state !== 'draft' && <StatsChart rows={stats ?? []} />}
    </article>
  );
}
