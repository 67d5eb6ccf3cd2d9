import type { Drop } from '../../../shared/drops';
import type { StateSnapshot, StatsPatch, StoreHealth, StreamHealth } from '../../../shared/hub-events';
import type { RelayStatus } from '../../../shared/relay';
import type { ObsStatus } from '../../../shared/obs';
import type { StatsRow } from '../../../shared/stats';

/** Everything the control panel shows, fed by HTTP responses and hub patches alike. */
export interface PanelState {
  drops: Drop[];
  stats: Record<number, StatsRow[]>;
  obs: ObsStatus | null;
  health: StreamHealth | null;
  /** Whether scans reach the store; `degraded` shows an alarm until writes work again. */
  store: StoreHealth | null;
  relay: RelayStatus | null;
}

export type PanelAction =
  | { type: 'snapshot'; snapshot: StateSnapshot }
  | { type: 'drops'; drops: Drop[] }
  | { type: 'drop'; drop: Drop }
  | { type: 'stats'; patch: StatsPatch; replace?: boolean }
  | { type: 'obs'; status: ObsStatus }
  | { type: 'health'; health: StreamHealth }
  | { type: 'store'; store: StoreHealth }
  | { type: 'relay'; relay: RelayStatus };

export const initialPanelState: PanelState = {
  drops: [],
  stats: {},
  obs: null,
  health: null,
  store: null,
  relay: null,
};

const newestFirst = (a: Drop, b: Drop): number => b.id - a.id;

/**
 * Upsert that never goes back in time: an HTTP reply and a hub patch for the same drop can arrive in
 * either order, and the one with the later `updatedAt` wins.
 */
export function upsertDrop(drops: readonly Drop[], incoming: Drop): Drop[] {
  const current = drops.find((d) => d.id === incoming.id);
  if (current && current.updatedAt > incoming.updatedAt) return drops as Drop[];
  return [...drops.filter((d) => d.id !== incoming.id), incoming].sort(newestFirst);
}

/** Stats rows are keyed by (minute, touchpoint); a patch replaces those keys and keeps the rest. */
export function mergeStatsRows(existing: readonly StatsRow[], patch: readonly StatsRow[]): StatsRow[] {
  const byKey = new Map(existing.map((r) => [`${r.minute}|${r.touchpoint}`, r]));
  for (const row of patch) byKey.set(`${row.minute}|${row.touchpoint}`, row);
  return [...byKey.values()].sort((a, b) => a.minute - b.minute || a.touchpoint.localeCompare(b.touchpoint));
}

export function panelReducer(state: PanelState, action: PanelAction): PanelState {
  switch (action.type) {
    case 'snapshot':
      return {
        ...state,
        drops: [...action.snapshot.drops].sort(newestFirst),
        obs: action.snapshot.obs ?? state.obs,
        store: action.snapshot.store ?? state.store,
        relay: action.snapshot.relay ?? state.relay,
      };
    case 'drops':
      return { ...state, drops: action.drops.reduce<Drop[]>(upsertDrop, state.drops) };
    case 'drop':
      return { ...state, drops: upsertDrop(state.drops, action.drop) };
    case 'stats': {
      const { dropId, rows } = action.patch;
      const merged = action.replace
        ? mergeStatsRows([], rows)
        : mergeStatsRows(state.stats[dropId] ?? [], rows);
      return { ...state, stats: { ...state.stats, [dropId]: merged } };
    }
    case 'obs':
      return { ...state, obs: action.status };
    case 'health':
      return { ...state, health: action.health };
    case 'store':
      return { ...state, store: action.store };
    case 'relay':
      return { ...state, relay: action.relay };
  }
}
