import type { CreateDropInput, Drop } from '../../../shared/drops';
import type { Link } from '../../../shared/links';
import { ERROR_CODES, fail, ok, type AppErrorBody, type Result } from '../../../shared/result';
import type { DropStats } from '../../../shared/stats';
import type { Touchpoint } from '../../../shared/touchpoints';

/** Typed client for the core's HTTP API. Every call resolves to a Result; nothing throws on 4xx/5xx. */
export interface ApiClient {
  listDrops(): Promise<Result<Drop[]>>;
  createDrop(input: CreateDropInput): Promise<Result<Drop>>;
  startDrop(id: number): Promise<Result<Drop>>;
  extendDrop(id: number, seconds: number): Promise<Result<Drop>>;
  endDrop(id: number): Promise<Result<Drop>>;
  restockDrop(id: number, units: number): Promise<Result<Drop>>;
  createLink(dropId: number, touchpoint: string): Promise<Result<Link>>;
  dropStats(id: number): Promise<Result<DropStats>>;
  listTouchpoints(): Promise<Result<Touchpoint[]>>;
  /** Unauthenticated; used for the first clock estimate before the hub is connected. */
  health(): Promise<Result<{ ok: true; version: string; serverTime: number }>>;
}

function isErrorBody(value: unknown): value is { error: AppErrorBody } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as AppErrorBody).message === 'string' &&
    (ERROR_CODES as readonly string[]).includes((error as AppErrorBody).code)
  );
}

export function createApiClient(token: string, baseUrl = ''): ApiClient {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return fail(
        'timeout',
        'Cannot reach DropDeck. Is it still running, and is this device on the same network?',
      );
    }
    let payload: unknown = null;
    try {
      const text = await response.text();
      payload = text === '' ? null : JSON.parse(text);
    } catch {
      payload = null;
    }
    if (response.ok) return ok(payload as T);
    if (isErrorBody(payload)) return { ok: false, error: payload.error };
    if (response.status === 401) return fail('unauthorized', 'That host token was not accepted.');
    return fail('internal', `DropDeck answered ${response.status} ${response.statusText}`.trim());
  }

  const drop = (id: number, action: string, body: unknown = {}): Promise<Result<Drop>> =>
    call<Drop>('POST', `/api/drops/${id}/${action}`, body);

  return {
    listDrops: () => call('GET', '/api/drops'),
    createDrop: (input) => call('POST', '/api/drops', input),
    startDrop: (id) => drop(id, 'start'),
    extendDrop: (id, seconds) => drop(id, 'extend', { seconds }),
    endDrop: (id) => drop(id, 'end'),
    restockDrop: (id, units) => drop(id, 'restock', { units }),
    createLink: (dropId, touchpoint) => call('POST', `/api/drops/${dropId}/links`, { touchpoint }),
    dropStats: (id) => call('GET', `/api/drops/${id}/stats`),
    listTouchpoints: () => call('GET', '/api/touchpoints'),
    health: () => call('GET', '/api/health'),
  };
}
