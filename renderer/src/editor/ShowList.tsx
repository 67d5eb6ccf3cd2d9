import type { Drop } from '../../../shared/drops';
import type { Show } from '../../../shared/insights/shows';
import { StateBadge } from '../components/StateBadge';
import { isSelected, type Selection } from './selection';
import type { ShowsState } from './useShows';
import { LoadFailed } from '../components/LoadFailed';

interface Props {
  shows: ShowsState;
  drops: readonly Drop[];
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onRetry: () => void;
}

/** Shows with their drops, then the drops in no show; picking one opens it in the editor. */
export function ShowList({ shows, drops, selection, onSelect, onRetry }: Props) {
  const inAShow = new Set(shows.status === 'ready' ? shows.shows.flatMap((s) => s.dropIds) : []);
  const loose = drops.filter((d) => !inAShow.has(d.id));
  return (
    <nav className="card editor-list" aria-labelledby="shows-title">
      <div className="editor-list__header">
        <h2 id="shows-title">Shows &amp; drops</h2>
        <div className="controls__row">
          <button type="button" className="button" onClick={() => onSelect({ kind: 'new-show' })}>
            New show
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => onSelect({ kind: 'new-drop', showId: null })}
          >
            New drop
          </button>
        </div>
      </div>
      {shows.status === 'loading' && <p className="muted">Loading shows…</p>}
      {shows.status === 'error' && <LoadFailed what="the shows" message={shows.message} onRetry={onRetry} />}
      {shows.status === 'ready' && shows.shows.length === 0 && (
        <p className="muted">No shows yet. A show groups one night’s drops, costs and creator splits.</p>
      )}
      {shows.status === 'ready' && shows.shows.length > 0 && (
        <ul className="editor-tree">
          {shows.shows.map((show) => (
            <ShowItem key={show.id} show={show} drops={drops} selection={selection} onSelect={onSelect} />
          ))}
        </ul>
      )}
      {loose.length > 0 && (
        <div>
          <h3 className="editor-tree__group">Not in a show</h3>
          <DropItems drops={loose} selection={selection} onSelect={onSelect} />
        </div>
      )}
      {drops.length === 0 && <p className="muted">No drops yet: “New drop” makes the first one.</p>}
    </nav>
  );
}

function ShowItem({
  show,
  drops,
  selection,
  onSelect,
}: {
  show: Show;
  drops: readonly Drop[];
  selection: Selection;
  onSelect: (s: Selection) => void;
}) {
  const own = drops.filter((d) => show.dropIds.includes(d.id));
  const here: Selection = { kind: 'show', id: show.id };
  return (
    <li>
      <button
        type="button"
        className="editor-tree__item editor-tree__item--show"
        aria-current={isSelected(selection, here) ? 'true' : undefined}
        onClick={() => onSelect(here)}
      >
        <span>{show.name}</span>
        <span className="muted">
          {own.length} {own.length === 1 ? 'drop' : 'drops'}
        </span>
      </button>
      {own.length > 0 && <DropItems drops={own} selection={selection} onSelect={onSelect} />}
    </li>
  );
}

function DropItems({
  drops,
  selection,
  onSelect,
}: {
  drops: readonly Drop[];
  selection: Selection;
  onSelect: (s: Selection) => void;
}) {
  return (
    <ul className="editor-tree__drops">
      {drops.map((drop) => {
        const here: Selection = { kind: 'drop', id: drop.id };
        return (
          <li key={drop.id}>
            <button
              type="button"
              className="editor-tree__item"
              aria-current={isSelected(selection, here) ? 'true' : undefined}
              onClick={() => onSelect(here)}
            >
              <span>{drop.title}</span>
              <StateBadge state={drop.state} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
