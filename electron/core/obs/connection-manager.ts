import { EventEmitter } from 'node:events';
import {
  EventSubscription,
  type OBSRequestTypes,
  type OBSResponseTypes,
  type RequestBatchOptions,
  type ResponseMessage,
} from 'obs-websocket-js';
import type { ObsConnectionState, ObsStatus } from '../../../shared/obs';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { Backoff } from './backoff';
import { classifyClose } from './close-codes';
import { Heartbeat } from './heartbeat';
import { ObsClient } from './obs-client';
import { ObsError } from './obs-errors';
import { RequestGuard } from './request-guard';
import { initialStatus, nextStatus, type StatusPatch } from './status-tracker';
import type { BatchRequest, ObsRequester, ObsTarget, ObsTimings } from './types';

interface ConnectionEvents {
  status: [status: ObsStatus];
  /** Identified and ready for requests (first connect or any reconnect). */
  connected: [];
  /** Streaming or recording started/stopped/reconnecting inside OBS. */
  outputsChanged: [];
}

/**
 * One obs-websocket connection and everything that keeps it honest: states for the host, capped
 * auto-reconnect (never after a wrong password or a kick), a heartbeat for half-open sockets, and
 * per-request deadlines. Each connect attempt gets a fresh client and a generation number, so late
 * events from an abandoned socket are ignored instead of corrupting the current state.
 */
export class ConnectionManager extends EventEmitter<ConnectionEvents> implements ObsRequester {
  private client: ObsClient | null = null;
  private generation = 0;
  private wanted = false;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Set before we kill the socket ourselves, so the close is explained properly. */
  private closeReason: string | null = null;
  private target: ObsTarget = { url: 'ws://127.0.0.1:4455', password: '' };
  private current: ObsStatus;
  private readonly guard = new RequestGuard();
  private readonly backoff: Backoff;
  private readonly heartbeat: Heartbeat;

  constructor(
    private readonly timings: ObsTimings,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    super();
    this.backoff = new Backoff({ baseMs: timings.retryBaseMs, maxMs: timings.retryMaxMs });
    this.heartbeat = new Heartbeat({
      intervalMs: timings.heartbeatIntervalMs,
      // Tiny request with a tiny answer; what matters is that OBS's request thread answers at all.
      probe: () => this.call('GetStudioModeEnabled', undefined, timings.heartbeatTimeoutMs),
      onDead: (reason) => this.kill(reason),
      log,
    });
    this.current = initialStatus(this.target.url, clock.now());
  }

  status(): ObsStatus {
    return this.current;
  }

  get isConnected(): boolean {
    return this.current.state === 'connected';
  }

  /** Connect (or reconnect with new settings) now; resolves with the outcome of this attempt. */
  async open(target: ObsTarget): Promise<ObsStatus> {
    this.target = target;
    this.wanted = true;
    this.backoff.reset();
    this.clearRetry();
    await this.attempt(true);
    return this.current;
  }

  /** Stop talking to OBS and stop retrying, until `open` is called again. */
  async close(message = 'Disconnected from OBS.'): Promise<void> {
    this.wanted = false;
    this.clearRetry();
    this.generation += 1;
    const client = this.dropClient();
    this.setStatus('disconnected', message, null);
    if (client) await client.closeWithin(1000);
  }

  call<K extends keyof OBSRequestTypes>(
    type: K,
    data?: OBSRequestTypes[K],
    timeoutMs = this.timings.requestTimeoutMs,
  ): Promise<OBSResponseTypes[K]> {
    const client = this.client;
    if (!client || !this.isConnected) return Promise.reject(this.notConnected());
    return this.guard.run(type, () => client.call(type, data), timeoutMs);
  }

  callBatch(
    requests: BatchRequest[],
    options: RequestBatchOptions = {},
    timeoutMs = this.timings.requestTimeoutMs,
  ): Promise<ResponseMessage[]> {
    const client = this.client;
    if (!client || !this.isConnected) return Promise.reject(this.notConnected());
    return this.guard.run('a request batch', () => client.callBatch(requests, options), timeoutMs);
  }

  private notConnected(): ObsError {
    return new ObsError(
      'obs_unavailable',
      `OBS is not connected (${this.current.message ?? this.current.state}).`,
    );
  }

  private async attempt(userInitiated: boolean): Promise<void> {
    const gen = ++this.generation;
    const old = this.dropClient();
    if (old) old.terminate();
    const client = new ObsClient();
    this.client = client;
    // Automatic retries keep showing "disconnected, retrying at…" rather than flickering to connecting.
    if (userInitiated || this.current.state !== 'disconnected') {
      this.setStatus('connecting', `Connecting to ${this.target.url}…`, null);
    }
    const { url, password } = this.target;
    let hello: { obsWebSocketVersion: string };
    try {
      hello = await this.guard.run(
        'the connection handshake',
        () =>
          client.connect(url, password || undefined, {
            eventSubscriptions: EventSubscription.General | EventSubscription.Outputs,
          }),
        this.timings.connectTimeoutMs,
        (err) => (err instanceof Error ? err : new Error(String(err))),
      );
    } catch (err) {
      if (gen !== this.generation) return;
      // A connect that timed out leaves the socket dangling; kill it so it cannot connect later.
      client.terminate();
      this.client = null;
      this.settleAfterFailure(err);
      return;
    }
    if (gen !== this.generation) return;
    client.on('ConnectionClosed', (err) => this.onClosed(gen, err));
    client.on('StreamStateChanged', () => this.emit('outputsChanged'));
    client.on('RecordStateChanged', () => this.emit('outputsChanged'));
    client.on('ExitStarted', () => {
      this.closeReason = 'OBS is shutting down.';
    });
    this.closeReason = null;
    this.backoff.reset();
    const version = await this.guard
      .run('GetVersion', () => client.call('GetVersion'), this.timings.requestTimeoutMs)
      .catch(() => null);
    // The socket may have closed meanwhile (onClosed already reported it).
    if (gen !== this.generation || this.client !== client) return;
    this.setStatus('connected', `Connected to ${url}.`, null, {
      obsVersion: version?.obsVersion ?? null,
      websocketVersion: hello.obsWebSocketVersion,
    });
    this.heartbeat.start();
    this.emit('connected');
  }

  private onClosed(gen: number, err: unknown): void {
    if (gen !== this.generation) return;
    this.heartbeat.stop();
    this.client = null;
    const reason = this.closeReason;
    this.closeReason = null;
    this.guard.rejectAll(
      new ObsError('obs_unavailable', reason ?? 'OBS closed the connection before answering.'),
    );
    this.settleAfterFailure(err, reason);
  }

  private settleAfterFailure(err: unknown, reason: string | null = null): void {
    const verdict = classifyClose(err, this.target.url, this.target.password !== '');
    const message = reason ?? verdict.message;
    if (!verdict.retry || !this.wanted) {
      if (!verdict.retry) this.wanted = false;
      this.setStatus(verdict.state, message, null);
      return;
    }
    const delay = this.backoff.next();
    this.setStatus('disconnected', message, this.clock.now() + delay);
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted) void this.attempt(false);
    }, delay);
    this.retryTimer.unref();
  }

  /** Heartbeat verdict: the socket is half-open. Terminate it; the close handler reconnects. */
  private kill(reason: string): void {
    this.log.warn('obs heartbeat failed; dropping the connection', { url: this.target.url });
    this.closeReason = reason;
    this.client?.terminate();
  }

  private dropClient(): ObsClient | null {
    const client = this.client;
    this.client = null;
    this.heartbeat.stop();
    this.guard.rejectAll(new ObsError('obs_unavailable', 'The OBS connection was replaced or closed.'));
    if (client) client.removeAllListeners();
    return client;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(
    state: ObsConnectionState,
    message: string | null,
    nextRetryAt: number | null,
    versions?: StatusPatch['versions'],
  ): void {
    const patch = { state, url: this.target.url, message, nextRetryAt, versions };
    const next = nextStatus(this.current, patch, this.clock.now());
    if (!next) return;
    this.current = next;
    this.emit('status', next);
  }
}
