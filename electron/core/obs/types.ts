import type {
  OBSRequestTypes,
  OBSResponseTypes,
  RequestBatchOptions,
  RequestBatchRequest,
  ResponseMessage,
} from 'obs-websocket-js';

export interface ObsTarget {
  url: string;
  /** Empty when OBS has authentication off. */
  password: string;
}

/** Every delay the OBS layer uses, in one place so the service and its tests agree. */
export interface ObsTimings {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** Drop actions may touch several scenes; they get a little longer than a single request. */
  batchTimeoutMs: number;
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  healthIntervalMs: number;
}

export const DEFAULT_OBS_TIMINGS: ObsTimings = {
  connectTimeoutMs: 5000,
  requestTimeoutMs: 3000,
  batchTimeoutMs: 4000,
  heartbeatIntervalMs: 2000,
  heartbeatTimeoutMs: 2000,
  // OBS is normally on the same laptop: a refused connect costs nothing, and a short cap means the
  // scene comes back within a few seconds of OBS restarting.
  retryBaseMs: 250,
  retryMaxMs: 2500,
  healthIntervalMs: 2000,
};

/**
 * A batch request as obs-websocket 5 accepts it: besides the typed fields, serial batches may pass
 * values between requests (`outputVariables` saves a response field, `inputVariables` reads it).
 */
export type BatchRequest = RequestBatchRequest & {
  outputVariables?: Record<string, string>;
  inputVariables?: Record<string, string>;
};

/** What the OBS features need from the connection: guarded requests that never hang. */
export interface ObsRequester {
  readonly isConnected: boolean;
  call<K extends keyof OBSRequestTypes>(
    type: K,
    data?: OBSRequestTypes[K],
    timeoutMs?: number,
  ): Promise<OBSResponseTypes[K]>;
  callBatch(
    requests: BatchRequest[],
    options?: RequestBatchOptions,
    timeoutMs?: number,
  ): Promise<ResponseMessage[]>;
}
