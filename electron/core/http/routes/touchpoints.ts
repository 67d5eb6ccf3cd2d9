import { z } from 'zod';
import { CreateTouchpointSchema, TouchpointSchema } from '../../../../shared/touchpoints';
import type { CoreServices } from '../../services';
import { AppError } from '../../domain-error';
import { ErrorBodySchema } from '../error-schema';
import type { ZodApp } from '../zod-app';

export function touchpointRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/api/touchpoints',
    { schema: { summary: 'Where scans and sales come from', response: { 200: z.array(TouchpointSchema) } } },
    () => s.touchpoints.list(),
  );

  app.post(
    '/api/touchpoints',
    {
      schema: {
        summary: 'Add a touchpoint (a venue QR, a creator DM link, a newsletter…)',
        body: CreateTouchpointSchema,
        response: { 201: TouchpointSchema, 409: ErrorBodySchema },
      },
    },
    (req, reply) => {
      const now = s.clock.now();
      const created = s.db.transaction(() => {
        const tp = s.touchpoints.create(req.body, now);
        if (tp) {
          s.audit.record({
            actor: req.actor,
            action: 'touchpoint:create',
            subjectType: 'touchpoint',
            subjectId: tp.key,
            detail: req.body,
            at: now,
          });
        }
        return tp;
      })();
      if (!created) throw new AppError('conflict', `A touchpoint named "${req.body.key}" already exists.`);
      void reply.status(201);
      return created;
    },
  );
}
