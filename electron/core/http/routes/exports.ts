import { z } from 'zod';
import { Id } from '../../../../shared/contract/fields';
import { toCsv } from '../../insights/csv';
import { EXPORT_COLUMNS, type ExportName } from '../../insights/export-tables';
import type { CoreServices } from '../../services';
import type { ZodApp } from '../zod-app';

const NAMES = Object.keys(EXPORT_COLUMNS) as [ExportName, ...ExportName[]];

const ExportParams = z.object({
  id: Id,
  name: z.enum(NAMES),
  format: z.enum(['csv', 'json']),
});

/**
 * File downloads of a show's clicks, ledger, attribution credits and KPIs (host only: money and
 * journeys). `/api/shows/:id/export/:name.csv` has a header row in a fixed column order;
 * `.json` is `{columns, rows}` with the same rows and each row's keys in that same order.
 */
export function exportRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/api/shows/:id/export/:name.:format',
    { config: { access: 'host' }, schema: { hide: true, params: ExportParams } },
    async (req, reply) => {
      const { id, name, format } = req.params;
      const t = s.insights.reports.export(id, name);
      const file = `show-${id}-${name}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(t));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(t));
    },
  );
}
