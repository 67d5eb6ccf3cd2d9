import type { FastifyReply } from 'fastify';
import type { IngestResult } from '../../ledger/ingest-result';
import type { Ledger } from '../../ledger/ledger';
import { PUBLIC_ROUTE } from '../route-access';
import type { ZodApp } from '../zod-app';

const header = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * `POST /webhooks/stripe` and `POST /webhooks/shopify`: public routes (the signature is the
 * authentication), in their own plugin scope whose only body parser keeps the raw bytes — signatures
 * are over exactly what was sent — so JSON parsing for the rest of the API is untouched. Mapping,
 * posting, idempotency and audit live in `ledger/`.
 */
export async function webhookRoutes(app: ZodApp, ledger: Pick<Ledger, 'stripe' | 'shopify'>): Promise<void> {
  await app.register((scope, _opts, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const send = (reply: FastifyReply, out: IngestResult) =>
      reply.status(out.status).header('cache-control', 'no-store').send(out.body);
    const raw = (body: unknown): Buffer => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

    scope.post('/webhooks/stripe', { ...PUBLIC_ROUTE, schema: { hide: true } }, (req, reply) =>
      send(reply, ledger.stripe.handle(raw(req.body), header(req.headers['stripe-signature']))),
    );
    scope.post('/webhooks/shopify', { ...PUBLIC_ROUTE, schema: { hide: true } }, (req, reply) =>
      send(
        reply,
        ledger.shopify.handle(raw(req.body), {
          hmac: header(req.headers['x-shopify-hmac-sha256']),
          topic: header(req.headers['x-shopify-topic']),
          webhookId: header(req.headers['x-shopify-webhook-id']),
        }),
      ),
    );
    done();
  });
}
