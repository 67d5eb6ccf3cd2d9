import { RELAY_OFF, RelayStatusSchema } from '../../../../shared/relay';
import type { CoreServices } from '../../services';
import type { ZodApp } from '../zod-app';

export function relayRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/api/relay/status',
    {
      config: { access: 'host' },
      schema: {
        summary:
          'Edge relay: reachable or not, sync lag, scans ingested (state "off" when none is configured)',
        response: { 200: RelayStatusSchema },
      },
    },
    () => s.relay?.status() ?? RELAY_OFF,
  );
}
