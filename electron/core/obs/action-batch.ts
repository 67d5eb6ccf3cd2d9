import type { ResponseMessage } from 'obs-websocket-js';
import type { ObsAction } from '../../../shared/obs';
import type { BatchRequest } from './types';

export interface PlannedBatch {
  requests: BatchRequest[];
  /** For each request, the index of the action it came from (to explain failures per action). */
  owners: number[];
}

/**
 * Turns a drop moment's actions into one obs-websocket request batch, in the host's order.
 * Showing/hiding an item needs its numeric scene-item id; rather than a lookup round trip first,
 * the batch looks it up itself and hands it to the next request through a batch variable.
 */
export function planBatch(actions: ObsAction[]): PlannedBatch {
  const requests: BatchRequest[] = [];
  const owners: number[] = [];
  const push = (owner: number, req: BatchRequest): void => {
    requests.push(req);
    owners.push(owner);
  };
  actions.forEach((action, i) => {
    switch (action.type) {
      case 'switchScene':
        push(i, { requestType: 'SetCurrentProgramScene', requestData: { sceneName: action.scene } });
        break;
      case 'setItemVisible': {
        const variable = `item${i}`;
        push(i, {
          requestType: 'GetSceneItemId',
          requestData: { sceneName: action.scene, sourceName: action.source },
          outputVariables: { [variable]: 'sceneItemId' },
        });
        push(i, {
          requestType: 'SetSceneItemEnabled',
          // sceneItemId arrives through the batch variable; 0 is a placeholder the variable replaces.
          requestData: { sceneName: action.scene, sceneItemId: 0, sceneItemEnabled: action.visible },
          inputVariables: { sceneItemId: variable },
        });
        break;
      }
      case 'setTransition':
        push(i, {
          requestType: 'SetCurrentSceneTransition',
          requestData: { transitionName: action.transition },
        });
        if (action.durationMs !== undefined) {
          push(i, {
            requestType: 'SetCurrentSceneTransitionDuration',
            requestData: { transitionDuration: action.durationMs },
          });
        }
        break;
    }
  });
  return { requests, owners };
}

export function describeAction(action: ObsAction): string {
  switch (action.type) {
    case 'switchScene':
      return `switch to scene "${action.scene}"`;
    case 'setItemVisible':
      return `${action.visible ? 'show' : 'hide'} "${action.source}" in "${action.scene}"`;
    case 'setTransition':
      return `use transition "${action.transition}"`;
  }
}

/** One line per failed action, first error only (a failed id lookup also fails the toggle after it). */
export function batchFailures(
  actions: ObsAction[],
  plan: PlannedBatch,
  results: ResponseMessage[],
): string[] {
  const failed = new Map<number, string>();
  results.forEach((result, i) => {
    const owner = plan.owners[i];
    if (owner === undefined || result.requestStatus.result || failed.has(owner)) return;
    failed.set(
      owner,
      `${describeAction(actions[owner])}: ${result.requestStatus.comment || `OBS error ${result.requestStatus.code}`}`,
    );
  });
  if (results.length < plan.requests.length) {
    failed.set(-1, `OBS answered ${results.length} of ${plan.requests.length} requests.`);
  }
  return [...failed.values()];
}

/**
 * The end state of a sequence of actions, as few actions as possible: the last transition, each
 * item's last visibility, then the last scene (switched to last so its items are already right).
 * Used to re-apply a live drop's look after OBS comes back, without replaying every step on air.
 */
export function collapseActions(actions: ObsAction[]): ObsAction[] {
  let scene: ObsAction | null = null;
  let transition: ObsAction | null = null;
  const items = new Map<string, ObsAction>();
  for (const action of actions) {
    if (action.type === 'switchScene') scene = action;
    else if (action.type === 'setTransition') transition = action;
    else items.set(JSON.stringify([action.scene, action.source]), action);
  }
  return [...(transition ? [transition] : []), ...items.values(), ...(scene ? [scene] : [])];
}
