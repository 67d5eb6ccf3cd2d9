import { z } from 'zod';
import type { CoreServices } from '../../services';
import type { ZodApp } from '../zod-app';

export function healthRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness and clock (no auth)',
        security: [],
        response: {
          200: z.object({ ok: z.literal(true), version: z.string(), serverTime: z.int() }),
        },
      },
    },
    () => ({ ok: true as const, version: '0.1.0', serverTime: s.clock.now() }),
  );
}
