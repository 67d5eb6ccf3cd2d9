import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allows } from '../../../shared/contract/access';
import type { DeviceService } from '../devices/device-service';
import type { LoginThrottle } from '../devices/login-throttle';
import { AppError, RateLimitedError } from '../domain-error';
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
  devices: Pick<DeviceService, 'resolve' | 'seen'>;
  throttle: LoginThrottle;
  hosts: AllowedHosts;
  trustedProxies: ReadonlySet<string>;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

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
    const locked = deps.throttle.lockedFor(req.clientAddress);
    if (locked !== null) throw new RateLimitedError(locked);
    const principal = deps.devices.resolve(token);
    if (!principal) {
      // Held before answering: guessing gets slower with every miss, then stops (429).
      const delay = deps.throttle.delayMs(req.clientAddress);
      deps.throttle.fail(req.clientAddress);
      if (delay > 0) await sleep(delay);
      throw new AppError('unauthorized', 'That token is not valid for this DropDeck (revoked, or mistyped).');
    }
    if (!allows(access, principal.role)) {
      throw new AppError('forbidden', `Only the host can do this; "${principal.name}" is a co-host device.`);
    }
    req.principal = principal;
    deps.devices.seen(principal);
  });
}
