/** What a phone camera app sends when it opens a scanned link. */
export const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const SLACK_PREVIEW_UA = 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)';

/** GET /r/:code as a viewer would, without following the redirect. `ip` goes via X-Forwarded-For from loopback. */
export function scan(
  baseUrl: string,
  path: string,
  opts: { ua?: string; ip?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': opts.ua ?? PHONE_UA };
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  return fetch(baseUrl + path, { redirect: 'manual', headers });
}
