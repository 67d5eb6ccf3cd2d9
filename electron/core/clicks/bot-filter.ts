import { isbot } from 'isbot';

/** A burst comes from a handful of distinct user agents; remembering verdicts skips the big regex. */
const verdicts = new Map<string, boolean>();
const VERDICT_LIMIT = 5000;
/** The user agent judged last: a burst is mostly one kind of phone, so most scans skip the map too. */
let lastUserAgent = '';
let lastVerdict = true;

/**
 * Link-preview fetchers (Slack, WhatsApp, Discord, iMessage…) and crawlers open every link a chat
 * shows; they must not inflate scans. `isbot` keeps the list of user-agent patterns up to date;
 * a request without a user agent is no phone camera either, and HEAD is what previewers send.
 */
export function looksLikeBot(userAgent: string | undefined, method: string): boolean {
  if (method === 'HEAD') return true;
  if (!userAgent || userAgent.trim() === '') return true;
  if (userAgent === lastUserAgent) return lastVerdict;
  let verdict = verdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = isbot(userAgent);
    if (verdicts.size >= VERDICT_LIMIT) verdicts.clear();
    verdicts.set(userAgent, verdict);
  }
  lastUserAgent = userAgent;
  lastVerdict = verdict;
  return verdict;
}
