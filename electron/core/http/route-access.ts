import type { Access } from '../../../shared/contract/access';
import type { Principal } from '../devices/principal';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may reach this route. Every route declares it; the auth hook refuses a matched route that
     * does not, so a forgotten declaration fails closed.
     */
    access?: Access;
  }
  interface FastifyRequest {
    /** The authenticated caller; null on public routes called without a token. */
    principal: Principal | null;
    /** The caller's address as DropDeck believes it (see client-address.ts). */
    clientAddress: string;
  }
}

/** Route options for pages and assets anyone may load (viewers, OBS browser sources). */
export const PUBLIC_ROUTE = { config: { access: 'public' as const } };
