import type { FastifyReply, FastifyRequest } from 'fastify';
import { UTM_MEDIUM } from '../../../../shared/touchpoints';
import { looksLikeBot } from '../../clicks/bot-filter';
import { SHORT_CODE_PATTERN } from '../../links/short-code';
import type { ResolvedLinkRow } from '../../store/links-repo';
import type { CoreServices } from '../../services';
import { sendLinkProblem } from '../pages/link-problem-page';
import type { ZodApp } from '../zod-app';

/** The checkout URL with UTM parameters and the code as `ref`, keeping the shop's own parameters. */
export function checkoutLocation(link: ResolvedLinkRow): string {
  const url = new URL(link.checkout_url);
  url.searchParams.set('utm_source', link.touchpoint_key);
  url.searchParams.set('utm_medium', UTM_MEDIUM[link.touchpoint_kind]);
  url.searchParams.set('utm_campaign', `drop-${link.drop_id}`);
  url.searchParams.set('ref', link.code);
  return url.toString();
}

/**
 * `GET /r/:code` — the scan. The click is committed (group commit) before the 302 goes out.
 * Unknown, expired and revoked codes get a friendly page and are kept as orphan visits.
 */
export function redirectRoutes(app: ZodApp, s: CoreServices): void {
  const handler = async (req: FastifyRequest<{ Params: { code: string }; Querystring: { s?: string } }>, reply: FastifyReply) => {
    const { code } = req.params;
    const userAgent = req.headers['user-agent'] ?? '';
    const bot = looksLikeBot(userAgent, req.method);
    const resolution = SHORT_CODE_PATTERN.test(code) ? s.links.resolve(code) : { status: 'unknown' as const, link: null };

    // Nobody should cache a scan: every one must reach us to be counted.
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (resolution.status !== 'ok') {
      await s.clicks.recordOrphan({ code: code.slice(0, 64), reason: resolution.status, bot });
      return sendLinkProblem(reply, resolution.status);
    }
    const { link } = resolution;
    await s.clicks.record({
      code,
      dropId: link.drop_id,
      touchpointId: link.touchpoint_id,
      via: req.query.s === 'qr' ? 'qr' : 'link',
      ip: req.ip,
      userAgent,
      bot,
    });
    return reply.redirect(checkoutLocation(link), 302);
  };

  // Fastify also answers HEAD with this handler; HEAD requests are flagged as bots (previewers).
  app.get('/r/:code', { schema: { hide: true } }, handler);
}
