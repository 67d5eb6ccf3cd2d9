import { CreateSaleSchema, SaleSchema } from '../../../../shared/sales';
import type { CoreServices } from '../../services';
import { ErrorBodySchema } from '../error-schema';
import type { ZodApp } from '../zod-app';

export function saleRoutes(app: ZodApp, s: CoreServices): void {
  app.post(
    '/api/sales',
    {
      schema: {
        summary:
          'Record a sale (idempotent on source + externalId: a repeat answers 200 with duplicate: true)',
        body: CreateSaleSchema,
        response: {
          200: SaleSchema,
          201: SaleSchema,
          400: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
        },
      },
    },
    (req, reply) => {
      const sale = s.sales.record(req.body, req.actor);
      void reply.status(sale.duplicate ? 200 : 201);
      return sale;
    },
  );
}
