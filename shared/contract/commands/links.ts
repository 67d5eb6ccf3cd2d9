import { z } from 'zod';
import { CreateLinkSchema, LinkCodeSchema, LinkSchema } from '../../links';
import { DropStatsSchema, StatsQuerySchema } from '../../stats';
import {
  CreateTouchpointSchema,
  TouchpointKeySchema,
  TouchpointSchema,
  UpdateTouchpointSchema,
} from '../../touchpoints';
import { command } from '../command';
import { Id, NoInput, QueryInt } from '../fields';

export const OrphanVisitSchema = z.object({
  at: z.int(),
  code: z.string(),
  reason: z.enum(['unknown', 'expired', 'revoked']),
  bot: z.boolean(),
});

/** Short links, the touchpoints they belong to, and what their scans add up to. */
export const linkCommands = {
  'link:create': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/drops/:id/links',
    status: 201,
    input: CreateLinkSchema.extend({ id: Id }),
    output: LinkSchema,
    summary: 'Issue a short link for a touchpoint (the payload of a QR code)',
    errors: ['bad_request', 'not_found'],
  }),
  'link:list': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/drops/:id/links',
    input: z.object({ id: Id }),
    output: z.array(LinkSchema),
    summary: "A drop's links, newest first",
    errors: ['not_found'],
  }),
  'link:current': command({
    access: 'cohost',
    method: 'POST',
    path: '/api/drops/:id/links/current',
    input: z.object({ id: Id, touchpoint: TouchpointKeySchema }).strict(),
    output: LinkSchema,
    summary: "The touchpoint's live link for this drop (rotated when due), created when there is none",
    errors: ['bad_request', 'not_found'],
  }),
  'link:revoke': command({
    access: 'host',
    method: 'POST',
    path: '/api/links/:code/revoke',
    input: z.object({ code: LinkCodeSchema }),
    output: LinkSchema,
    summary: 'Revoke a link: later scans get a friendly "no longer valid" page',
    errors: ['not_found', 'gone'],
  }),
  'orphan:list': command({
    access: 'host',
    method: 'GET',
    path: '/api/orphan-visits',
    input: z.object({ limit: QueryInt(z.int().min(1).max(1000)).default(100) }),
    output: z.array(OrphanVisitSchema),
    summary: 'Recent scans of unknown, expired or revoked codes',
  }),
  'stats:drop': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/drops/:id/stats',
    input: StatsQuerySchema.extend({ id: Id }),
    output: DropStatsSchema,
    summary: 'Clicks, unique clicks, sales, units and revenue per minute and touchpoint (bots excluded)',
    errors: ['not_found'],
  }),
  'touchpoint:list': command({
    access: 'cohost',
    method: 'GET',
    path: '/api/touchpoints',
    input: NoInput,
    output: z.array(TouchpointSchema),
    summary: 'Where scans and sales come from',
  }),
  'touchpoint:create': command({
    access: 'host',
    method: 'POST',
    path: '/api/touchpoints',
    status: 201,
    input: CreateTouchpointSchema,
    output: TouchpointSchema,
    summary: 'Add a touchpoint (a venue QR, a creator DM link, a newsletter…)',
    errors: ['bad_request', 'conflict'],
  }),
  'touchpoint:update': command({
    access: 'host',
    method: 'PATCH',
    path: '/api/touchpoints/:key',
    input: UpdateTouchpointSchema.extend({ key: TouchpointKeySchema }),
    output: TouchpointSchema,
    summary: 'Rename a touchpoint, credit a creator, or choose whether overlays may show its QR',
    errors: ['bad_request', 'not_found'],
  }),
};
