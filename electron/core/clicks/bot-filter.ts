import { isbot } from 'isbot';

/**
 * Link-preview fetchers (Slack, WhatsApp, Discord, iMessage…) and crawlers open every link a chat
 * shows; they must not inflate scans. `isbot` keeps the list of user-agent patterns up to date;
 * a request without a user agent is no phone camera either.
 */
export function looksLikeBot(userAgent: string | undefined, method: string): boolean {
  if (method === 'HEAD') return true;
  if (!userAgent || userAgent.trim() === '') return true;
  return isbot(userAgent);
}
