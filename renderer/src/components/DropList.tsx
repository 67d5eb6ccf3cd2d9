import type { Drop } from '../../../shared/drops';
import type { StatsRow } from '../../../shared/stats';
import { DropCard } from './DropCard';

interface Props {
  drops: readonly Drop[];
  stats: Record<number, StatsRow[]>;
  onUpdated: (drop: Drop) => void;
}

export function DropList({ drops, stats, onUpdated }: Props) {
  if (drops.length === 0) {
    return <p className="card muted">No drops yet. Create one and it appears here, ready to start.</p>;
  }
  return (
    <section className="drop-list" aria-label="Drops">
      {drops.map((drop) => (
        <DropCard key={drop.id} drop={drop} stats={stats[drop.id]} onUpdated={onUpdated} />
      ))}
    </section>
  );
}
