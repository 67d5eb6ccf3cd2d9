import { CreateSaleSchema, SaleSchema } from '../../sales';
import { command } from '../command';

export const saleCommands = {
  'sale:record': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/sales',
    input: CreateSaleSchema,
    output: SaleSchema,
    // A repeat of (source, externalId) writes nothing and answers 200 with duplicate: true.
    status: (sale) => (sale.duplicate ? 200 : 201),
    summary: 'Record a sale (idempotent on source + externalId: a repeat answers 200 with duplicate: true)',
    errors: ['bad_request', 'not_found', 'conflict', 'insufficient_stock', 'invalid_transition'],
  }),
};
