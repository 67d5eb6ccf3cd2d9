import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { CommandRunner } from '../commands/execute';
import type { CoreServices } from '../services';
import { installAuth, type AuthDeps } from './auth';
import { registerCommandRoutes } from './command-routes';
import { installErrorHandler } from './error-handler';
import { holdRoutes } from './routes/holds';
import type { VanityPaths } from '../chat/vanity';
import { chatRoutes } from './routes/chat';
import { exportRoutes } from './routes/exports';
import { overlayRoutes } from './routes/overlays';
import { webhookRoutes } from './routes/webhooks';
import { PUBLIC_ROUTE } from './route-access';
import { createScanHandler, isScanRequest } from './scan-handler';
import { installSecurityHeaders } from './security-headers';
import type { ZodApp } from './zod-app';

export interface HttpAppDeps {
  run: CommandRunner;
  auth: AuthDeps;
  /** The chat's public pages (`/chat`, `/go/:path`), when the chat runs. */
  chat?: { vanity: Pick<VanityPaths, 'resolve'> };
}

export async function createHttpApp(s: CoreServices, deps: HttpAppDeps): Promise<ZodApp> {
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Scans take the bare request path; everything else goes through Fastify.
    serverFactory: (handler) => {
      const scan = createScanHandler(s);
      return createServer((req, res) => (isScanRequest(req) ? scan(req, res) : handler(req, res)));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'DropDeck core API',
        version: '1',
        description:
          'Micro-drops, short links, per-minute stats. Generated from the command contract (shared/contract): ' +
          'each operation is tagged with the role it needs. Send `Authorization: Bearer <token>` (the host ' +
          "token or a paired device's token) except on public operations.",
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  installErrorHandler(app, s.log);
  installAuth(app, deps.auth);
  await installSecurityHeaders(app);
  registerCommandRoutes(app, deps.run);
  overlayRoutes(app, s);
  await holdRoutes(app, s.ledger.holds);
  await webhookRoutes(app, s.ledger);
  if (deps.chat) chatRoutes(app, s, deps.chat.vanity);
  exportRoutes(app, s);
  app.get('/api/openapi.json', { ...PUBLIC_ROUTE, schema: { hide: true } }, () => app.swagger());

  if (s.config.rendererDir && existsSync(s.config.rendererDir)) {
    const root = s.config.rendererDir;
    await app.register(async (assets) => {
      // The panel, overlay pages and their bundles are public by design: they hold no data themselves.
      assets.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' };
      });
      await assets.register(fastifyStatic, { root, prefix: '/', extensions: ['html'] });
    });
  }
  return app;
}
