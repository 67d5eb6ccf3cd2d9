import { z } from 'zod';
import { Id } from '../../../../shared/contract/fields';
import { TouchpointKeySchema } from '../../../../shared/touchpoints';
import { SHORT_CODE_PATTERN } from '../../links/short-code';
import { systemActor } from '../../devices/principal';
import { NOT_ON_AIR, onStreamTouchpoint, publicLink } from '../../overlays/live-link';
import { loadOverlayPage } from '../../overlays/overlay-page';
import { renderQrSvg } from '../../overlays/qr-svg';
import type { CoreServices } from '../../services';
import { PUBLIC_ROUTE } from '../route-access';
import type { ZodApp } from '../zod-app';

/** Who the audit log credits for links the QR image made exist. */
const OVERLAY_IMAGE_ACTOR = systemActor('overlay');

const QrQuerySchema = z.object({
  drop: Id,
  touchpoint: TouchpointKeySchema,
  /** Render exactly this link (the page got it over the socket); without it, the current one. */
  code: z.string().regex(SHORT_CODE_PATTERN, 'not a DropDeck link code').optional(),
});

/**
 * Public pages for OBS browser sources (no /api prefix, no token: OBS cannot send one):
 * `/overlay/timer|qr|ticker[.html]` and the QR image `/overlay/qr.svg`. Whatever the reason a QR
 * can't be shown — no such drop, a draft, a touchpoint that isn't on stream, a stale code — the answer
 * is the same 404, so the public surface tells a stranger nothing about what exists.
 */
export function overlayRoutes(app: ZodApp, s: CoreServices): void {
  app.get(
    '/overlay/qr.svg',
    { ...PUBLIC_ROUTE, schema: { hide: true, querystring: QrQuerySchema } },
    async (req, reply) => {
      const { drop: dropId, touchpoint, code } = req.query;
      const drop = s.engine.get(dropId);
      if (!drop) throw NOT_ON_AIR();
      let link;
      if (code) {
        // Exactly the code the page was handed (it may have just rotated): valid, and this QR's own.
        const tp = onStreamTouchpoint(s, touchpoint);
        const r = s.links.resolve(code);
        if (
          drop.state === 'draft' ||
          r.status !== 'ok' ||
          r.link.drop_id !== dropId ||
          r.link.touchpoint_id !== tp.id
        ) {
          throw NOT_ON_AIR();
        }
        link = s.links.toLink(r.link, touchpoint);
      } else {
        link = publicLink(s, drop, touchpoint, OVERLAY_IMAGE_ACTOR);
      }
      const svg = await renderQrSvg(link.qrUrl);
      // Never cached: the code behind the image changes on rotation.
      return reply
        .header('cache-control', 'no-store')
        .header('x-dropdeck-link-code', link.code)
        .type('image/svg+xml; charset=utf-8')
        .send(svg);
    },
  );

  // One route for `timer` and `timer.html`: the param route would otherwise shadow the static file.
  app.get<{ Params: { page: string } }>(
    '/overlay/:page',
    { ...PUBLIC_ROUTE, schema: { hide: true } },
    async (req, reply) => {
      const name = req.params.page.replace(/\.html$/, '');
      const page = await loadOverlayPage(s.config.rendererDir, name);
      return reply
        .status(page.status)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(page.html);
    },
  );
}
