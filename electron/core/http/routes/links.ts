import { z } from 'zod';
import { DropIdParamsSchema } from '../../../../shared/drops';
import { CreateLinkSchema, LinkCodeParamsSchema, LinkSchema } from '../../../../shared/links';
import type { CoreServices } from '../../services';
import { notFound } from '../../domain-error';
import { ErrorBodySchema } from '../error-schema';
import type { ZodApp } from '../zod-app';

export function linkRoutes(app: ZodApp, s: CoreServices): void {
  app.post(
    '/api/drops/:id/links',
    {
      schema: {
        summary: 'Issue a short link for a touchpoint (the payload of a QR code)',
        params: DropIdParamsSchema,
        body: CreateLinkSchema,
        response: { 201: LinkSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
      },
    },
    (req, reply) => {
      const link = s.links.create(req.params.id, req.body.touchpoint, req.body.ttlSec, req.actor);
      void reply.status(201);
      return link;
    },
  );

  app.get(
    '/api/drops/:id/links',
    {
      schema: {
        summary: "A drop's links, newest first",
        params: DropIdParamsSchema,
        response: { 200: z.array(LinkSchema), 404: ErrorBodySchema },
      },
    },
    (req) => {
      if (!s.drops.row(req.params.id)) throw notFound(`Drop ${req.params.id}`);
      return s.links.list(req.params.id);
    },
  );

  app.post(
    '/api/links/:code/revoke',
    {
      schema: {
        summary: 'Revoke a link: later scans get a friendly "no longer valid" page',
        params: LinkCodeParamsSchema,
        response: { 200: LinkSchema, 404: ErrorBodySchema, 410: ErrorBodySchema },
      },
    },
    (req) => s.links.revoke(req.params.code, req.actor),
  );

  app.get(
    '/api/orphan-visits',
    {
      schema: {
        summary: 'Recent scans of unknown, expired or revoked codes',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: {
          200: z.array(
            z.object({
              at: z.int(),
              code: z.string(),
              reason: z.enum(['unknown', 'expired', 'revoked']),
              bot: z.boolean(),
            }),
          ),
        },
      },
    },
    (req) => s.orphans.list(req.query.limit),
  );
}
