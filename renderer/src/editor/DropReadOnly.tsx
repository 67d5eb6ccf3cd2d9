import type { Drop } from '../../../shared/drops';
import { StateBadge } from '../components/StateBadge';
import { formatDuration } from './amounts';
import { describeAction, OBS_MOMENTS } from './obs-actions-model';
import { TiersTable } from './TiersFieldset';

const HOLDS: Record<Drop['holds']['mode'], string> = {
  off: 'Off',
  last_units: 'For the last units',
  always: 'Always',
};

/** A drop that has started: its settings as they are, and where to run it instead. */
export function DropReadOnly({ drop }: { drop: Drop }) {
  const actions = OBS_MOMENTS.flatMap((m) =>
    (drop.obsActions?.[m.id] ?? []).map((a, i) => ({
      key: `${m.id}-${i}`,
      text: `${m.label}: ${describeAction(a)}`,
    })),
  );
  return (
    <section className="card editor-form" aria-labelledby="drop-readonly-title">
      <div className="drop__header">
        <h2 id="drop-readonly-title" tabIndex={-1}>
          {drop.title}
        </h2>
        <StateBadge state={drop.state} />
      </div>
      <p className="banner editor-locked">
        This drop has started, so its settings are locked. <a href="#/live">Run it from the Live screen</a>.
      </p>
      <dl className="editor-settings">
        <dt>Checkout URL</dt>
        <dd>{drop.checkoutUrl}</dd>
        <dt>Currency</dt>
        <dd>{drop.currency}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(drop.durationSec)}</dd>
        <dt>Early access</dt>
        <dd>{drop.earlyAccessSec > 0 ? `${drop.earlyAccessSec / 60} min` : 'None'}</dd>
        <dt>Per-buyer cap</dt>
        <dd>{drop.perBuyerCap ?? 'None'}</dd>
        <dt>QR link rotation</dt>
        <dd>{drop.linkRotationSec === null ? 'Off' : `Every ${drop.linkRotationSec} s`}</dd>
        <dt>Stock holds</dt>
        <dd>
          {HOLDS[drop.holds.mode]}
          {drop.holds.mode !== 'off' && ` · ${drop.holds.ttlSec} s · ${drop.holds.perVisitor} per buyer`}
        </dd>
        <dt>Refunds restock</dt>
        <dd>{drop.restockOnRefund ? 'Yes' : 'No'}</dd>
        <dt>OBS actions</dt>
        <dd>
          {actions.length === 0 ? (
            'None'
          ) : (
            <ul className="editor-plain-list">
              {actions.map((a) => (
                <li key={a.key}>{a.text}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <TiersTable tiers={drop.tiers} currency={drop.currency} />
    </section>
  );
}
