import { DropIdParamsSchema } from '../../../../shared/drops';
import { DropStatsSchema, StatsQuerySchema } from '../../../../shared/stats';
import type { CoreServices } from '../../services';
import { notFound } from '../../domain-error';
import { ErrorBodySchema } from '../error-schema';
import type { ZodApp } from '../zod-app';

export function statsRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/api/drops/:id/stats',
    {
      schema: {
        summary: 'Clicks, unique clicks, sales, units and revenue per minute and touchpoint (bots excluded)',
        params: DropIdParamsSchema,
        querystring: StatsQuerySchema,
        response: { 200: DropStatsSchema, 404: ErrorBodySchema },
      },
    },
    (req) => {
      if (!s.drops.row(req.params.id)) throw notFound(`Drop ${req.params.id}`);
      return { dropId: req.params.id, rows: s.stats.rows(req.params.id, req.query.from, req.query.to) };
    },
  );
}
