import { createHmac, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { canonicalRequest, RELAY_HEADERS } from '../../../shared/relay';

const TIMEOUT_MS = 10_000;

export class RelayError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

/** Signed requests to the relay's `/v1/*` (see shared/relay.ts for what is signed). */
export class RelayHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    return this.send('GET', path, '', schema);
  }

  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.send('POST', path, JSON.stringify(body), schema);
  }

  /** The headers for one request; exported for tests that forge and replay. */
  sign(method: string, path: string, body: string): Record<string, string> {
    // Real time, not the core's clock: the relay checks the replay window against its own.
    const ts = String(this.now());
    const nonce = randomBytes(16).toString('base64url');
    const signature = createHmac('sha256', this.secret)
      .update(canonicalRequest(method, path, ts, nonce, body))
      .digest('hex');
    return {
      [RELAY_HEADERS.timestamp]: ts,
      [RELAY_HEADERS.nonce]: nonce,
      [RELAY_HEADERS.signature]: signature,
    };
  }

  private async send<T>(method: string, path: string, body: string, schema: z.ZodType<T>): Promise<T> {
    const headers: Record<string, string> = this.sign(method, path, body);
    if (body) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body || undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new RelayError(`relay unreachable: ${String(error)}`, null);
    }
    const text = await res.text();
    if (!res.ok) throw new RelayError(`relay answered ${res.status}: ${text.slice(0, 200)}`, res.status);
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new RelayError(`relay sent an unexpected ${path} answer`, res.status);
    return parsed.data;
  }
}
