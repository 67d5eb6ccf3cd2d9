import { z } from 'zod';
import { TouchpointKeySchema } from '../../../../shared/touchpoints';
import { SHORT_CODE_PATTERN } from '../../links/short-code';
import { publicLink } from '../../overlays/live-link';
import { loadOverlayPage } from '../../overlays/overlay-page';
import { renderQrSvg } from '../../overlays/qr-svg';
import type { CoreServices } from '../../services';
import { AppError, notFound } from '../../domain-error';
import type { ZodApp } from '../zod-app';

const QrQuerySchema = z.object({
  drop: z.coerce.number().int().positive(),
  touchpoint: TouchpointKeySchema,
  /** Render exactly this link (the page got it over the socket); without it, the current one. */
  code: z.string().regex(SHORT_CODE_PATTERN, 'not a DropDeck link code').optional(),
});

/**
 * Public pages for OBS browser sources (no /api prefix, no token: OBS cannot send one):
 * `/overlay/timer|qr|ticker[.html]` and the QR image `/overlay/qr.svg`.
 */
export function overlayRoutes(app: ZodApp, s: CoreServices): void {
  app.get('/overlay/qr.svg', { schema: { hide: true, querystring: QrQuerySchema } }, async (req, reply) => {
    const { drop: dropId, touchpoint, code } = req.query;
    const drop = s.drops.get(dropId);
    if (!drop) throw notFound(`Drop ${dropId}`);
    let qrUrl: string;
    let linkCode: string;
    if (code) {
      const r = s.links.resolve(code);
      if (r.status !== 'ok' || r.link.drop_id !== dropId || r.link.touchpoint_key !== touchpoint) {
        throw new AppError(
          'gone',
          `Link ${code} is not the live link of "${touchpoint}" for drop ${dropId}.`,
        );
      }
      ({ qrUrl, code: linkCode } = s.links.toLink(r.link, touchpoint));
    } else {
      ({ qrUrl, code: linkCode } = publicLink(s, drop, touchpoint, 'overlay'));
    }
    const svg = await renderQrSvg(qrUrl);
    // Never cached: the code behind the image changes on rotation.
    return reply
      .header('cache-control', 'no-store')
      .header('x-dropdeck-link-code', linkCode)
      .type('image/svg+xml; charset=utf-8')
      .send(svg);
  });

  // One route for `timer` and `timer.html`: the param route would otherwise shadow the static file.
  app.get<{ Params: { page: string } }>('/overlay/:page', { schema: { hide: true } }, async (req, reply) => {
    const name = req.params.page.replace(/\.html$/, '');
    const page = await loadOverlayPage(s.config.rendererDir, name);
    return reply
      .status(page.status)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(page.html);
  });
}
