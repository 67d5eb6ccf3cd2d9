import { expect } from 'vitest';
import type { Drop } from '../../../../shared/drops';
import type { Show } from '../../../../shared/insights/shows';
import type { Link } from '../../../../shared/links';
import { sampleDrop, type TestCore } from '../../../support/core-harness';
import { scan } from '../../../support/scan';

/** Phones of the fixtures' visitors: a visitor id is (daily salt, IP, user agent). */
export const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

export async function json<T>(res: Response, status = 200): Promise<T> {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return JSON.parse(body) as T;
}

export async function createShow(t: TestCore, body: Record<string, unknown>): Promise<Show> {
  return json<Show>(await t.api('/api/shows', { method: 'POST', json: body }), 201);
}

/** A live drop (a week long, so the fixtures' clock jumps stay inside it) put in `showId`. */
export async function liveDropInShow(
  t: TestCore,
  showId: number,
  over: Record<string, unknown> = {},
): Promise<Drop> {
  const drop = await json<Drop>(
    await t.api('/api/drops', { method: 'POST', json: sampleDrop({ durationSec: 7 * 24 * 3600, ...over }) }),
    201,
  );
  await json(await t.api(`/api/shows/${showId}/drops`, { method: 'POST', json: { dropId: drop.id } }));
  return json<Drop>(await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' }));
}

export async function link(t: TestCore, dropId: number, touchpoint: string): Promise<Link> {
  return json<Link>(
    await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint, ttlSec: 30 * 86400 } }),
    201,
  );
}

export async function scanAs(t: TestCore, l: Link, ip: string, ua: string, qr = false): Promise<void> {
  const res = await scan(t.url, `/r/${l.code}${qr ? '?s=qr' : ''}`, { ip, ua });
  expect(res.status).toBe(302);
}

export async function creatorTouchpoint(t: TestCore, key: string, creator: string): Promise<void> {
  await json(
    await t.api('/api/touchpoints', { method: 'POST', json: { key, kind: 'creator_dm', creator } }),
    201,
  );
}
