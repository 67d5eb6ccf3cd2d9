import { ObsError, toObsError } from './obs-errors';

type Abort = (err: Error) => void;

/**
 * Every OBS request goes through here. obs-websocket-js leaves a request's promise pending forever
 * when the socket dies (its listeners are just dropped), and a frozen OBS never answers at all; so
 * each request gets a deadline, and `rejectAll` fails everything in flight when the connection closes.
 */
export class RequestGuard {
  private readonly pending = new Set<Abort>();

  get inFlight(): number {
    return this.pending.size;
  }

  /** `mapError` lets the handshake keep obs-websocket-js's raw close code (4009, 4011...). */
  run<T>(
    what: string,
    send: () => Promise<T>,
    timeoutMs: number,
    mapError: (err: unknown) => Error = (err) => toObsError(err, what),
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (): void => {
        settled = true;
        clearTimeout(timer);
        this.pending.delete(abort);
      };
      const abort: Abort = (err) => {
        if (settled) return;
        settle();
        reject(err);
      };
      const timer = setTimeout(
        () => abort(new ObsError('timeout', `OBS did not answer ${what} within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      this.pending.add(abort);
      send().then(
        (value) => {
          if (settled) return;
          settle();
          resolve(value);
        },
        (err: unknown) => abort(mapError(err)),
      );
    });
  }

  /** Fails every request still waiting, e.g. with "OBS closed the connection". */
  rejectAll(err: Error): void {
    for (const abort of [...this.pending]) abort(err);
  }
}
