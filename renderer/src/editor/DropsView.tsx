import { useEffect, useRef, useState } from 'react';
import type { Drop } from '../../../shared/drops';
import type { Show } from '../../../shared/insights/shows';
import type { ObsConnectionState } from '../../../shared/obs';
import type { Touchpoint } from '../../../shared/touchpoints';
import { usePanel } from '../api/panel-context';
import type { PanelViewProps } from '../shell/view-props';
import { DropForm } from './DropForm';
import { DropReadOnly } from './DropReadOnly';
import { takeRequestedDrop } from './open-in-editor';
import { ScheduleBox } from './ScheduleBox';
import type { Selection } from './selection';
import { ShowCosts } from './ShowCosts';
import { ShowForm } from './ShowForm';
import { ShowList } from './ShowList';
import { ShowSplits } from './ShowSplits';
import { TouchpointsSection } from './TouchpointsSection';
import { useShows } from './useShows';
import './editor.css';

const EDITABLE: readonly Drop['state'][] = ['draft', 'scheduled'];

/** Shows, drops, tiers, touchpoints (host only): the list on the left, the editor on the right. */
export function DropsView({ state, onUpdated }: PanelViewProps) {
  const { shows, reload, upsert } = useShows();
  const touchpoints = useTouchpointList();
  const [selection, setSelection] = useState<Selection>(() => {
    const requested = takeRequestedDrop();
    return requested === null ? { kind: 'new-drop', showId: null } : { kind: 'drop', id: requested };
  });
  const paneRef = useRef<HTMLDivElement>(null);
  const picked = useRef(false);

  useEffect(() => {
    // After a pick (not on first render) move focus to the editor's heading: on a phone the editor
    // is below the list, and a keyboard user lands where the form starts.
    if (!picked.current) return;
    paneRef.current?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
  }, [selection]);

  const select = (next: Selection): void => {
    picked.current = true;
    setSelection(next);
  };
  const showList = shows.status === 'ready' ? shows.shows : [];
  const showOf = (dropId: number): number | null =>
    showList.find((s) => s.dropIds.includes(dropId))?.id ?? null;

  return (
    <>
      <ShowList shows={shows} drops={state.drops} selection={selection} onSelect={select} onRetry={reload} />
      <div className="editor-main" ref={paneRef}>
        <EditorPane
          selection={selection}
          drops={state.drops}
          shows={showList}
          showOf={showOf}
          obsState={state.obs?.state ?? null}
          touchpoints={touchpoints.list}
          onSelect={select}
          onShow={upsert}
          onUpdated={onUpdated}
        />
        <TouchpointsSection
          touchpoints={touchpoints.list}
          loadError={touchpoints.error}
          onRetry={touchpoints.retry}
          onSaved={touchpoints.upsert}
        />
      </div>
    </>
  );
}

type PaneProps = {
  selection: Selection;
  drops: readonly Drop[];
  shows: Show[];
  showOf: (dropId: number) => number | null;
  obsState: ObsConnectionState | null;
  touchpoints: readonly Touchpoint[];
  onSelect: (s: Selection) => void;
  onShow: (show: Show) => void;
  onUpdated: (drop: Drop) => void;
};

function EditorPane({
  selection,
  drops,
  shows,
  showOf,
  obsState,
  touchpoints,
  onSelect,
  onShow,
  onUpdated,
}: PaneProps) {
  switch (selection.kind) {
    case 'new-show':
      return (
        <ShowForm
          key="new-show"
          show={null}
          onSaved={(show) => {
            onShow(show);
            onSelect({ kind: 'show', id: show.id });
          }}
        />
      );
    case 'show': {
      const show = shows.find((s) => s.id === selection.id);
      if (!show) return <p className="card muted">This show is no longer there.</p>;
      return (
        <>
          <ShowForm key={show.id} show={show} onSaved={onShow} />
          <button
            type="button"
            className="button"
            onClick={() => onSelect({ kind: 'new-drop', showId: show.id })}
          >
            New drop in “{show.name}”
          </button>
          <ShowCosts key={`costs-${show.id}`} show={show} touchpoints={touchpoints} onSaved={onShow} />
          <ShowSplits
            key={`splits-${show.id}`}
            show={show}
            creators={[...new Set(touchpoints.flatMap((t) => (t.creator ? [t.creator] : [])))]}
            onSaved={onShow}
          />
        </>
      );
    }
    case 'new-drop':
      return (
        <DropForm
          key={`new-drop-${selection.showId ?? 'none'}`}
          drop={null}
          shows={shows}
          showId={selection.showId}
          obsState={obsState}
          onShow={onShow}
          onSaved={(drop, notice) => {
            onUpdated(drop);
            onSelect({ kind: 'drop', id: drop.id, notice });
          }}
        />
      );
    case 'drop': {
      const drop = drops.find((d) => d.id === selection.id);
      if (!drop) return <p className="card muted">Loading the drop…</p>;
      if (!EDITABLE.includes(drop.state)) return <DropReadOnly drop={drop} />;
      return (
        <>
          <DropForm
            key={drop.id}
            drop={drop}
            shows={shows}
            showId={showOf(drop.id)}
            obsState={obsState}
            onShow={onShow}
            notice={selection.notice}
            onSaved={onUpdated}
          />
          <ScheduleBox key={`schedule-${drop.id}`} drop={drop} onUpdated={onUpdated} />
        </>
      );
    }
  }
}

/** Touchpoints as the panel loaded them, refreshed here and kept current after each save. */
function useTouchpointList(): {
  list: Touchpoint[];
  error: string | null;
  retry: () => void;
  upsert: (t: Touchpoint) => void;
} {
  const { api, touchpoints } = usePanel();
  const [list, setList] = useState<Touchpoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void api.call('touchpoint:list', {}).then((r) => {
      if (cancelled) return;
      if (r.ok) setList(r.value);
      setError(r.ok ? null : r.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);
  const current = list ?? touchpoints;
  const upsert = (t: Touchpoint): void =>
    setList([...current.filter((x) => x.key !== t.key), t].sort((a, b) => a.id - b.id));
  return { list: current, error, retry: () => setAttempt((n) => n + 1), upsert };
}
