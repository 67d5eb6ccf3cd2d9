import { z } from 'zod';
import { CreateDropSchema, DropIdParamsSchema, DropSchema, UpdateDropSchema } from '../../../../shared/drops';
import type { CoreServices } from '../../services';
import { AppError, notFound } from '../../domain-error';
import { ErrorBodySchema } from '../error-schema';
import type { ZodApp } from '../zod-app';

export function dropRoutes(app: ZodApp, s: CoreServices): void {
  app.post(
    '/api/drops',
    {
      schema: {
        summary: 'Create a drop (draft) with one tier, or several',
        body: CreateDropSchema,
        response: { 201: DropSchema, 400: ErrorBodySchema },
      },
    },
    (req, reply) => {
      const now = s.clock.now();
      const drop = s.db.transaction(() => {
        const id = s.drops.create(req.body, req.actor, now);
        s.audit.record({
          actor: req.actor,
          action: 'drop:create',
          subjectType: 'drop',
          subjectId: id,
          at: now,
        });
        return s.drops.get(id);
      })();
      if (!drop) throw new AppError('internal', 'drop vanished after insert');
      s.events.emit('drop:updated', drop);
      void reply.status(201);
      return drop;
    },
  );

  app.get(
    '/api/drops',
    { schema: { summary: 'All drops, newest first', response: { 200: z.array(DropSchema) } } },
    // Through the engine: a drop whose deadline passed reads as ended even if its timer has not fired.
    () => s.engine.list(),
  );

  app.get(
    '/api/drops/:id',
    {
      schema: {
        summary: 'One drop with state, stock, sold and endsAt',
        params: DropIdParamsSchema,
        response: { 200: DropSchema, 404: ErrorBodySchema },
      },
    },
    (req) => {
      const drop = s.engine.get(req.params.id);
      if (!drop) throw notFound(`Drop ${req.params.id}`);
      return drop;
    },
  );

  app.patch(
    '/api/drops/:id',
    {
      schema: {
        summary: 'Edit a drop that has not started',
        params: DropIdParamsSchema,
        body: UpdateDropSchema,
        response: { 200: DropSchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    (req) => {
      const id = req.params.id;
      // A scheduled drop whose start time just passed is live now, and no longer editable.
      s.engine.settle(id);
      const now = s.clock.now();
      const drop = s.db.transaction(() => {
        const current = s.drops.get(id);
        if (!current) throw notFound(`Drop ${id}`);
        if (current.state !== 'draft' && current.state !== 'scheduled') {
          throw new AppError(
            'invalid_transition',
            `Drop ${id} is ${current.state}; only drafts and scheduled drops can be edited.`,
          );
        }
        s.drops.update(id, req.body, now);
        if (req.body.checkoutUrl !== undefined) s.links.forgetDrop(id);
        s.audit.record({
          actor: req.actor,
          action: 'drop:update',
          subjectType: 'drop',
          subjectId: id,
          detail: req.body,
          at: now,
        });
        return s.drops.get(id);
      })();
      if (!drop) throw notFound(`Drop ${id}`);
      s.events.emit('drop:updated', drop);
      return drop;
    },
  );
}
