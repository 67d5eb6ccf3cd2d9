import type { DropState } from '../../../shared/drops';

const LABELS: Record<DropState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  live: 'Live',
  sold_out: 'Sold out',
  ended: 'Ended',
};

export function StateBadge({ state }: { state: DropState }) {
  return <span className={`badge badge--${state}`}>{LABELS[state]}</span>;
}
