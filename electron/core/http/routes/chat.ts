import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { VanityPaths } from '../../chat/vanity';
import { NOT_ON_AIR } from '../../overlays/live-link';
import type { CoreServices } from '../../services';
import { PUBLIC_ROUTE } from '../route-access';
import type { ZodApp } from '../zod-app';

const VanityParamsSchema = z.object({ path: z.string().regex(/^[A-Za-z0-9]{2,30}$/) });

/**
 * Public chat pages: the viewer page `/chat` (phones in the venue and remote viewers), and the
 * speakable vanity paths `/go/<path>` of audio shows, which send the listener to the drop's current
 * `audio` link (so the scan, and the sale, are counted for audio).
 */
export function chatRoutes(app: ZodApp, s: CoreServices, vanity: Pick<VanityPaths, 'resolve'>): void {
  app.get('/chat', { ...PUBLIC_ROUTE, schema: { hide: true } }, async (_req, reply) => {
    const dir = s.config.rendererDir;
    const html = dir ? await readFile(join(dir, 'chat.html'), 'utf8').catch(() => null) : null;
    if (html === null)
      return reply.status(503).type('text/plain; charset=utf-8').send('The chat page is not built yet.');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });

  app.get(
    '/go/:path',
    { ...PUBLIC_ROUTE, schema: { hide: true, params: VanityParamsSchema } },
    (req, reply) => {
      const link = vanity.resolve(req.params.path);
      if (!link) throw NOT_ON_AIR();
      return reply.header('cache-control', 'no-store').redirect(link.url, 302);
    },
  );
}
