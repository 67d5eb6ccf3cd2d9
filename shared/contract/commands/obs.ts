import { z } from 'zod';
import {
  ObsActionFailureSchema,
  ObsConnectBodySchema,
  ObsSceneListSchema,
  ObsStatusSchema,
  OverlaySetupBodySchema,
  OverlaySetupResultSchema,
  StreamHealthSchema,
} from '../../obs';
import { command } from '../command';
import { NoInput } from '../fields';

/** OBS needs a live connection for these; without one they answer 503 obs_unavailable at once. */
const OBS_ERRORS = ['obs_unavailable', 'timeout'] as const;

/** Co-hosts may watch OBS; only the host points DropDeck at an OBS or changes its scenes' sources. */
export const obsCommands = {
  'obs:status': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/obs/status',
    input: NoInput,
    output: ObsStatusSchema,
    summary: 'OBS connection state at a glance',
  }),
  'obs:connect': command({
    access: 'host',
    method: 'POST',
    path: '/api/obs/connect',
    input: ObsConnectBodySchema,
    output: ObsStatusSchema,
    summary: 'Connect to OBS (saves url and password); answers with the outcome of this attempt',
    description: 'A wrong password answers 200 with state "auth-failed"; DropDeck does not retry it.',
    errors: ['bad_request'],
  }),
  'obs:disconnect': command({
    access: 'host',
    method: 'POST',
    path: '/api/obs/disconnect',
    input: NoInput,
    output: ObsStatusSchema,
    summary: 'Disconnect from OBS and stop reconnecting',
  }),
  'obs:scenes': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/obs/scenes',
    input: NoInput,
    output: ObsSceneListSchema,
    summary: 'Scenes in OBS, as the Scenes dock lists them, and the program scene',
    errors: OBS_ERRORS,
  }),
  'obs:setup-overlays': command({
    access: 'host',
    method: 'POST',
    path: '/api/obs/overlays/setup',
    input: OverlaySetupBodySchema,
    output: OverlaySetupResultSchema,
    summary: "Create or update DropDeck's overlay browser sources in a scene (idempotent)",
    description:
      'Answers 422 unsupported when this OBS build has no browser source, 404 when the scene is missing, ' +
      '409 when a source with an overlay name exists with another kind.',
    errors: ['bad_request', 'not_found', 'conflict', 'unsupported', ...OBS_ERRORS],
  }),
  'obs:health': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/obs/health',
    input: NoInput,
    output: StreamHealthSchema.nullable(),
    summary: 'Latest stream health reading (null until OBS answered once)',
  }),
  'obs:action-failures': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/obs/action-failures',
    input: NoInput,
    output: z.array(ObsActionFailureSchema),
    summary: 'Recent drop OBS actions that failed, newest first',
  }),
};
