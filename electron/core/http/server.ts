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
import type { CoreServices } from '../services';
import type { TokenResolver } from '../devices/tokens';
import { installAuth } from './auth';
import { installErrorHandler } from './error-handler';
import { createScanHandler, isScanRequest } from './scan-handler';
import { dropLifecycleRoutes } from './routes/drop-lifecycle';
import { dropRoutes } from './routes/drops';
import { healthRoutes } from './routes/health';
import { linkRoutes } from './routes/links';
import { obsRoutes } from './routes/obs';
import { overlayRoutes } from './routes/overlays';
import { relayRoutes } from './routes/relay';
import { saleRoutes } from './routes/sales';
import { statsRoutes } from './routes/stats';
import { touchpointRoutes } from './routes/touchpoints';
import type { ZodApp } from './zod-app';

/** Route groups in registration order; each is `(app, services) => void`. */
const ROUTES: ReadonlyArray<(app: ZodApp, s: CoreServices) => void> = [
  healthRoutes,
  dropRoutes,
  dropLifecycleRoutes,
  saleRoutes,
  touchpointRoutes,
  linkRoutes,
  statsRoutes,
  obsRoutes,
  overlayRoutes,
  relayRoutes,
];

export async function createHttpApp(s: CoreServices, resolveToken: TokenResolver): Promise<ZodApp> {
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
        description: 'Micro-drops, short links, per-minute stats. Bearer auth on /api/* except health.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  installErrorHandler(app, s.log);
  installAuth(app, resolveToken);
  for (const register of ROUTES) register(app, s);

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  if (s.config.rendererDir && existsSync(s.config.rendererDir)) {
    await app.register(fastifyStatic, { root: s.config.rendererDir, prefix: '/', extensions: ['html'] });
  }
  return app;
}
