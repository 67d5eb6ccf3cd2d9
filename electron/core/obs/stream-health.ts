import type { ResponseMessage } from 'obs-websocket-js';
import type { StreamHealth } from '../../../shared/hub-events';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { BatchRequest, ObsRequester } from './types';

const REQUESTS: BatchRequest[] = [
  { requestType: 'GetStats' },
  { requestType: 'GetStreamStatus' },
  { requestType: 'GetRecordStatus' },
];

type Data = Record<string, unknown>;

function dataOf(results: ResponseMessage[], type: string): Data {
  const r = results.find((x) => x.requestType === type && x.requestStatus.result);
  const data: unknown = r?.responseData;
  return data && typeof data === 'object' ? (data as Data) : {};
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * Folds GetStats / GetStreamStatus / GetRecordStatus into the one health line the control panel
 * shows. While streaming, the output frame counters are the stream's own (frames the network
 * dropped, what viewers notice); otherwise they are OBS's encoder counters from GetStats.
 */
export function toStreamHealth(results: ResponseMessage[], at: number): StreamHealth {
  const stats = dataOf(results, 'GetStats');
  const stream = dataOf(results, 'GetStreamStatus');
  const record = dataOf(results, 'GetRecordStatus');
  const streaming = stream.outputActive === true;
  return {
    streaming,
    recording: record.outputActive === true,
    reconnecting: stream.outputReconnecting === true,
    streamTimecode: streaming && typeof stream.outputTimecode === 'string' ? stream.outputTimecode : null,
    outputSkippedFrames: num(streaming ? stream.outputSkippedFrames : stats.outputSkippedFrames),
    outputTotalFrames: num(streaming ? stream.outputTotalFrames : stats.outputTotalFrames),
    renderSkippedFrames: num(stats.renderSkippedFrames),
    renderTotalFrames: num(stats.renderTotalFrames),
    cpuUsage: Math.round(num(stats.cpuUsage) * 10) / 10,
    memoryUsageMb: Math.round(num(stats.memoryUsage)),
    activeFps: Math.round(num(stats.activeFps) * 10) / 10,
    at,
  };
}

/** Polls OBS every few seconds while connected (one batch per poll) and hands each reading on. */
export class StreamHealthPoller {
  private timer: NodeJS.Timeout | null = null;
  private last: StreamHealth | null = null;
  private polling = false;
  private warned = false;

  constructor(
    private readonly obs: ObsRequester,
    private readonly intervalMs: number,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly publish: (health: StreamHealth) => void,
  ) {}

  latest(): StreamHealth | null {
    return this.last;
  }

  start(): void {
    this.stop();
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
    void this.poll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Also called when OBS reports a stream/record state change, so the panel updates at once. */
  async poll(): Promise<void> {
    if (this.polling || !this.obs.isConnected) return;
    this.polling = true;
    try {
      const results = await this.obs.callBatch(REQUESTS);
      this.last = toStreamHealth(results, this.clock.now());
      this.warned = false;
      this.publish(this.last);
    } catch (err) {
      // A dead connection is reported by the status; anything else is said once, not every poll.
      const gone = (err as { code?: unknown }).code === 'obs_unavailable';
      if (!this.warned && !gone) this.log.warn('obs health poll failed', { error: String(err) });
      this.warned = !gone;
    } finally {
      this.polling = false;
    }
  }
}
