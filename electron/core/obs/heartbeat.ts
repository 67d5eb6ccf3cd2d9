import type { Logger } from '../log';

export interface HeartbeatOptions {
  intervalMs: number;
  /** A cheap OBS request with its own timeout (through the RequestGuard). */
  probe: () => Promise<unknown>;
  /** Called once when a probe times out: the socket is half-open or OBS is frozen. */
  onDead: (reason: string) => void;
  log: Logger;
}

/**
 * After the laptop sleeps (or OBS hangs) the TCP connection can look open while nothing answers;
 * no close event ever comes. A periodic request with a deadline is what notices.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** Bumped on start/stop, so a probe still in flight from an earlier run cannot restart the loop. */
  private epoch = 0;

  constructor(private readonly options: HeartbeatOptions) {}

  start(): void {
    this.stop();
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.epoch += 1;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (!this.running) return;
    const epoch = this.epoch;
    this.timer = setTimeout(() => void this.beat(epoch), this.options.intervalMs);
    this.timer.unref();
  }

  private async beat(epoch: number): Promise<void> {
    try {
      await this.options.probe();
    } catch (err) {
      if (epoch !== this.epoch) return;
      const code = (err as { code?: unknown }).code;
      if (code === 'timeout') {
        this.running = false;
        this.options.onDead('OBS stopped answering (the laptop slept, the network dropped or OBS froze).');
        return;
      }
      // Any other failure means OBS answered (alive) or the socket already closed (handled elsewhere).
      if (code !== 'obs_unavailable')
        this.options.log.warn('obs heartbeat probe failed', { error: String(err) });
    }
    if (epoch === this.epoch) this.schedule();
  }
}
