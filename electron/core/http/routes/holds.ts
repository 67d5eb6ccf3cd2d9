import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HoldOutcome, HoldService } from '../../ledger/hold-service';
import { holdPage } from '../pages/hold-page';
import { PUBLIC_ROUTE } from '../route-access';
import type { ZodApp } from '../zod-app';

/** What the page's own form may post to and be redirected on to (CSP form-action covers redirects). */
function csp(checkoutOrigin: string | null): string {
  const formAction = ["'self'", checkoutOrigin].filter(Boolean).join(' ');
  return (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; " +
    `frame-ancestors 'none'; form-action ${formAction}`
  );
}

/**
 * `/hold/:code` (public): GET shows "Reserve my unit" (or goes straight on to the checkout when no
 * hold is needed), POST takes the hold and answers 303 to the checkout with the hold's ref as
 * `client_reference_id`. `/redeem/:code` shows only the buyer's redemption code, for paying at a stand.
 * The pages and their rules live in `ledger/hold-service.ts`.
 */
export async function holdRoutes(app: ZodApp, holds: HoldService): Promise<void> {
  const answer = (
    req: FastifyRequest<{ Params: { code: string } }>,
    reply: FastifyReply,
    out: HoldOutcome,
  ) => {
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (out.kind === 'checkout') return reply.redirect(out.location, req.method === 'POST' ? 303 : 302);
    return reply
      .status(out.status)
      .header('content-security-policy', csp(out.view?.checkoutOrigin ?? null))
      .type('text/html; charset=utf-8')
      .send(holdPage(`/hold/${encodeURIComponent(req.params.code)}`, out.view, out.message));
  };
  const visitor = (req: FastifyRequest) => ({
    ip: req.clientAddress,
    userAgent: req.headers['user-agent'] ?? '',
    method: req.method,
  });

  app.get<{ Params: { code: string }; Querystring: { claim?: string } }>(
    '/hold/:code',
    { ...PUBLIC_ROUTE, schema: { hide: true } },
    (req, reply) => answer(req, reply, holds.visit(req.params.code, visitor(req), req.query.claim === '1')),
  );
  app.get<{ Params: { code: string } }>(
    '/redeem/:code',
    { ...PUBLIC_ROUTE, schema: { hide: true } },
    (req, reply) => answer(req, reply, holds.redeem(req.params.code, visitor(req))),
  );
  // A form post sends application/x-www-form-urlencoded; its body (empty) is not needed.
  await app.register((scope, _opts, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, _body, done) => done(null, {}),
    );
    scope.post<{ Params: { code: string } }>(
      '/hold/:code',
      { ...PUBLIC_ROUTE, schema: { hide: true } },
      (req, reply) => answer(req, reply, holds.take(req.params.code, visitor(req))),
    );
    done();
  });
}
