import { z } from 'zod';
import {
  ObsActionFailureSchema,
  ObsConnectBodySchema,
  ObsSceneListSchema,
  ObsStatusSchema,
  OverlaySetupBodySchema,
  OverlaySetupResultSchema,
  StreamHealthSchema,
} from '../../../../shared/obs';
import type { CoreServices } from '../../services';
import { ErrorBodySchema } from '../error-schema';
import type { ZodApp } from '../zod-app';

/** OBS needs a live connection for these; without one they answer 503 obs_unavailable at once. */
const obsErrors = { 503: ErrorBodySchema, 504: ErrorBodySchema };

export function obsRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/api/obs/status',
    { schema: { summary: 'OBS connection state at a glance', response: { 200: ObsStatusSchema } } },
    () => s.obs.status(),
  );

  app.post(
    '/api/obs/connect',
    {
      schema: {
        summary: 'Connect to OBS (saves url and password); answers with the outcome of this attempt',
        description: 'A wrong password answers 200 with state "auth-failed"; DropDeck does not retry it.',
        body: ObsConnectBodySchema,
        response: { 200: ObsStatusSchema, 400: ErrorBodySchema },
      },
    },
    (req) => s.obs.connect(req.body, req.actor),
  );

  app.post(
    '/api/obs/disconnect',
    { schema: { summary: 'Disconnect from OBS and stop reconnecting', response: { 200: ObsStatusSchema } } },
    (req) => s.obs.disconnect(req.actor),
  );

  app.get(
    '/api/obs/scenes',
    {
      schema: {
        summary: 'Scenes in OBS, as the Scenes dock lists them, and the program scene',
        response: { 200: ObsSceneListSchema, ...obsErrors },
      },
    },
    () => s.obs.listScenes(),
  );

  app.post(
    '/api/obs/overlays/setup',
    {
      schema: {
        summary: "Create or update DropDeck's overlay browser sources in a scene (idempotent)",
        description:
          'Answers 422 unsupported when this OBS build has no browser source, 404 when the scene is missing, ' +
          '409 when a source with an overlay name exists with another kind.',
        body: OverlaySetupBodySchema,
        response: {
          200: OverlaySetupResultSchema,
          400: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          422: ErrorBodySchema,
          ...obsErrors,
        },
      },
    },
    (req) => s.obs.setupOverlays(req.body, req.actor),
  );

  app.get(
    '/api/obs/health',
    {
      schema: {
        summary: 'Latest stream health reading (null until OBS answered once)',
        response: { 200: StreamHealthSchema.nullable() },
      },
    },
    () => s.obs.latestHealth(),
  );

  app.get(
    '/api/obs/action-failures',
    {
      schema: {
        summary: 'Recent drop OBS actions that failed, newest first',
        response: { 200: z.array(ObsActionFailureSchema) },
      },
    },
    () => s.obs.recentFailures(),
  );
}
