import type { Drop } from '../../../shared/drops';

const STATE_WORDS: Record<Drop['state'], string> = {
  draft: 'draft',
  scheduled: 'scheduled',
  live: 'live',
  sold_out: 'sold out',
  ended: 'ended',
};

interface Props {
  drops: readonly Drop[];
  /** null: follow whatever is on air. */
  pickedId: number | null;
  onPick: (id: number | null) => void;
}

/** Look at another drop that ran, or go back to following the one on air. */
export function DropPicker({ drops, pickedId, onPick }: Props) {
  if (drops.length < 2 && pickedId === null) return null;
  return (
    <label className="dash-picker">
      <span>Drop shown</span>
      <select
        value={pickedId === null ? 'auto' : String(pickedId)}
        onChange={(e) => onPick(e.target.value === 'auto' ? null : Number(e.target.value))}
      >
        <option value="auto">The one on air (automatic)</option>
        {drops.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title} — {STATE_WORDS[d.state]}
          </option>
        ))}
      </select>
    </label>
  );
}
