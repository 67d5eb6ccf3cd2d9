import { z } from 'zod';
import type { CoreServices } from '../../services';
import type { ZodApp } from '../zod-app';

const StoreHealthSchema = z.object({
  state: z.enum(['ok', 'degraded']),
  pendingScans: z.int(),
  since: z.int().nullable(),
  lastError: z.string().nullable(),
  droppedScans: z.int(),
});

export function healthRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness, clock and whether scans reach the store (no auth)',
        security: [],
        response: {
          200: z.object({
            ok: z.literal(true),
            version: z.string(),
            serverTime: z.int(),
            store: StoreHealthSchema,
          }),
        },
      },
    },
    () => ({ ok: true as const, version: '0.1.0', serverTime: s.clock.now(), store: s.clicks.health() }),
  );
}
