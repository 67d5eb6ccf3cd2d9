import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenResolver } from '../devices/tokens';
import { AppError } from '../domain-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting, for the audit log: 'host' for the host token. */
    actor: string;
  }
}

export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(.+)$/i.exec(header);
  return m ? m[1].trim() : null;
}

const PUBLIC_API = new Set(['/api/health', '/api/openapi.json']);

/**
 * Every `/api/*` route needs `Authorization: Bearer <token>` except health and the API description.
 * Overlay pages, `/r/:code` and static assets are public by design (viewers and OBS reach them).
 */
export function installAuth(app: FastifyInstance, resolve: TokenResolver): void {
  app.decorateRequest('actor', '');
  app.addHook('onRequest', (req, _reply, done) => {
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC_API.has(path)) return done();
    const token = bearerToken(req);
    if (!token) {
      return done(
        new AppError('unauthorized', 'Missing bearer token: send "Authorization: Bearer <host token>".'),
      );
    }
    const actor = resolve(token);
    if (!actor) return done(new AppError('unauthorized', 'That token is not valid for this DropDeck.'));
    req.actor = actor;
    done();
  });
}
