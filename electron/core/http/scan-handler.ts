import type { IncomingMessage, ServerResponse } from 'node:http';
import { looksLikeBot } from '../clicks/bot-filter';
import { clientAddress } from '../net/client-address';
import type { CoreServices } from '../services';
import { linkProblemPage, PAGE_HEADERS, type LinkProblem } from './pages/link-problem-page';

/** `s=qr` among the query parameters: the QR payload marks scans apart from plain clicks. */
const QR_MARK = /(?:^|&)s=qr(?:&|$)/;

/** True for the requests the scan handler answers: GET/HEAD under `/r/`. */
export function isScanRequest(req: IncomingMessage): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') && req.url !== undefined && req.url.startsWith('/r/')
  );
}

function sendPage(req: IncomingMessage, res: ServerResponse, problem: LinkProblem, s: CoreServices): void {
  const next = problem === 'sold_out' || problem === 'ended' ? s.dropStates.next(s.clock.now()) : null;
  const page = linkProblemPage(problem, next);
  res.writeHead(page.status, PAGE_HEADERS);
  res.end(req.method === 'HEAD' ? undefined : page.html);
}

/**
 * `GET /r/:code` — the scan, on the bare node:http request path rather than through the API
 * framework: it is the one route that takes a whole audience at once. The click is committed (group
 * commit) before the 302 goes out. Unknown, expired and revoked codes get a friendly page and are
 * kept as orphan visits; a sold-out or ended drop's code is still a scan (demand after the sell-out
 * is worth knowing) but lands on a "what's next" page instead of a checkout that would take money
 * for nothing. Nothing a viewer types can make it fail.
 */
export function createScanHandler(s: CoreServices): (req: IncomingMessage, res: ServerResponse) => void {
  // The viewer's address: X-Forwarded-For only from a proxy the host configured (a tunnel's end).
  const trusted = new Set(s.config.trustedProxies);
  return (req, res) => {
    // One clock read per scan: the link's expiry, the drop's state and the scan's time agree.
    const now = s.clock.now();
    const url = req.url ?? '/r/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const code = path.slice(3, path.endsWith('/') ? -1 : undefined);
    const query = q === -1 ? '' : url.slice(q + 1);
    const via = query === 's=qr' || QR_MARK.test(query) ? 'qr' : 'link';
    const userAgent = req.headers['user-agent'] ?? '';
    const bot = looksLikeBot(userAgent, req.method ?? 'GET');
    const resolution = s.links.resolve(code, now);

    if (resolution.status !== 'ok') {
      const reason = resolution.status;
      s.clicks.recordOrphan({ code: code.slice(0, 64), reason, bot, at: now }, () =>
        sendPage(req, res, reason, s),
      );
      return;
    }
    const { link, location } = resolution;
    const verdict = s.dropStates.verdict(link.drop_id, now);
    s.clicks.record(
      {
        // The cached row's string: later comparisons of the code are pointer checks.
        code: link.code,
        at: now,
        dropId: link.drop_id,
        touchpointId: link.touchpoint_id,
        via,
        ip: clientAddress(req, trusted),
        userAgent,
        bot,
      },
      verdict !== 'open'
        ? () => sendPage(req, res, verdict, s)
        : () => {
            // Nobody should cache a scan: every one must reach us to be counted.
            res.writeHead(302, {
              location,
              'cache-control': 'no-store',
              'referrer-policy': 'no-referrer',
              'content-length': 0,
            });
            res.end();
          },
    );
  };
}
