import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allows } from '../../../shared/contract/access';
import type { DeviceService } from '../devices/device-service';
import { AppError } from '../domain-error';
import type { AllowedHosts } from '../net/host-check';
import { clientAddress } from '../net/client-address';
import './route-access';

export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S{1,500})\s*$/i.exec(header);
  return m ? m[1] : null;
}

export interface AuthDeps {
  devices: Pick<DeviceService, 'authenticate'>;
  hosts: AllowedHosts;
  trustedProxies: ReadonlySet<string>;
}

/**
 * Who may reach a route is decided on the route Fastify matched — after it decoded and normalised the
 * path — from the access the route declares, never from the raw URL. So `/%61pi/drops`, an
 * absolute-form request line or a doubled slash reach exactly the checks `/api/drops` has. A matched
 * route without a declaration is refused. Wrong tokens are throttled per client address.
 */
export function installAuth(app: FastifyInstance, deps: AuthDeps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('clientAddress', '');
  app.addHook('onRequest', async (req) => {
    if (!deps.hosts.allows(req.headers.host)) {
      throw new AppError('forbidden', 'This DropDeck does not answer to that host name.');
    }
    req.clientAddress = clientAddress(req.raw, deps.trustedProxies);
    // No route matched: the not-found handler answers 404, the same for every spelling.
    if (req.is404) return;
    const access = req.routeOptions.config.access;
    if (!access) throw new AppError('forbidden', 'This route declares no access rule, so it stays closed.');
    if (access === 'public') return;

    const token = bearerToken(req);
    if (token === null) {
      throw new AppError('unauthorized', 'Sign in first: send "Authorization: Bearer <token>".');
    }
    const principal = await deps.devices.authenticate(token, req.clientAddress);
    if (!allows(access, principal.role)) {
      throw new AppError('forbidden', `Only the host can do this; "${principal.name}" is a co-host device.`);
    }
    req.principal = principal;
  });
}
