import {
  CalendarQuerySchema,
  CalendarSchema,
  DropIdParamsSchema,
  DropSchema,
  ExtendDropSchema,
  RestockDropSchema,
  ScheduleDropSchema,
} from '../../../../shared/drops';
import { buildCalendar, calendarWindow } from '../../drops/drop-calendar';
import type { CoreServices } from '../../services';
import { ErrorBodySchema } from '../error-schema';
import type { ZodApp } from '../zod-app';

/** What every transition can answer: the new drop, or why not. */
const TRANSITION_RESPONSES = {
  200: DropSchema,
  400: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};

/**
 * The drop state machine over HTTP. Each route is one engine command: persisted with an audit row
 * naming `req.actor`, announced on the hub, and refused with 409 `invalid_transition` when the drop's
 * state does not allow it.
 */
export function dropLifecycleRoutes(app: ZodApp, s: CoreServices): void {
  const base = { params: DropIdParamsSchema, response: TRANSITION_RESPONSES };

  app.post(
    '/api/drops/:id/start',
    {
      schema: { ...base, summary: 'Go live now: early access (if any), then the public window; sets endsAt' },
    },
    (req) => s.engine.start(req.params.id, req.actor),
  );

  app.post(
    '/api/drops/:id/extend',
    { schema: { ...base, summary: 'Add seconds to a live drop', body: ExtendDropSchema } },
    (req) => s.engine.extend(req.params.id, req.body.seconds, req.actor),
  );

  app.post(
    '/api/drops/:id/end',
    { schema: { ...base, summary: 'End a live (or sold-out) drop now' } },
    (req) => s.engine.end(req.params.id, req.actor),
  );

  app.post(
    '/api/drops/:id/restock',
    {
      schema: {
        ...base,
        summary: 'Add units to a tier; a sold-out drop with time left goes live again',
        body: RestockDropSchema,
      },
    },
    (req) => s.engine.restock(req.params.id, req.body.units, req.actor, req.body.tierId),
  );

  app.post(
    '/api/drops/:id/schedule',
    {
      schema: {
        ...base,
        summary: 'Schedule a draft (or move a scheduled drop) to start by itself at a time',
        body: ScheduleDropSchema,
      },
    },
    (req) => s.engine.schedule(req.params.id, req.body.at, req.actor),
  );

  app.delete(
    '/api/drops/:id/schedule',
    { schema: { ...base, summary: 'Cancel a schedule; the drop goes back to draft' } },
    (req) => s.engine.unschedule(req.params.id, req.actor),
  );

  app.get(
    '/api/calendar',
    {
      schema: {
        summary: 'Upcoming scheduled drops, grouped by local date',
        querystring: CalendarQuerySchema,
        response: { 200: CalendarSchema, 400: ErrorBodySchema },
      },
    },
    (req) => {
      const window = calendarWindow(req.query, s.clock.now());
      return buildCalendar(s.engine.upcoming(window.from, window.to), window);
    },
  );
}
