import type { OverlaySocket } from './hub';

const ROUND_SAMPLES = 5;
const PING_TIMEOUT_MS = 2_000;
/** Clocks drift a few ms a minute and laptops step their clock after sleep: re-sync this often. */
const RESYNC_MS = 60_000;

interface Sample {
  rtt: number;
  offset: number;
}

/**
 * NTP-style estimate of `serverClock - Date.now()`. A round sends a few `clock:ping`s one after the
 * other and keeps the sample with the shortest round trip (the least queueing, so "the server read
 * its clock halfway through" is most nearly true). Countdowns then render `endsAt - now()`: no drift,
 * right after a reload, right the moment a hidden OBS source is shown again.
 */
export class ClockSync {
  private offset = 0;
  private synced = false;
  private running: Promise<void> | null = null;

  constructor(private readonly socket: OverlaySocket) {
    setInterval(() => this.resync(), RESYNC_MS);
  }

  /** The server's clock, as well as this page knows it. */
  now(): number {
    return Date.now() + this.offset;
  }

  /**
   * Before the first round finishes, a snapshot's `serverTime` gives a one-way estimate (off by the
   * delivery time, a few ms on loopback), so the first frame is already close.
   */
  seed(serverTime: number): void {
    if (!this.synced) this.offset = serverTime - Date.now();
  }

  /** Starts a round unless one is running; failures keep the previous estimate. */
  resync(): void {
    if (this.running || !this.socket.connected) return;
    this.running = this.round()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
  }

  private async round(): Promise<void> {
    let best: Sample | null = null;
    for (let i = 0; i < ROUND_SAMPLES; i++) {
      const sample = await this.ping().catch(() => null);
      if (sample && (!best || sample.rtt < best.rtt)) best = sample;
    }
    if (!best) return;
    this.offset = best.offset;
    this.synced = true;
  }

  private async ping(): Promise<Sample> {
    const sentAt = Date.now();
    // performance.now() is monotonic: a clock step during the ping cannot fake a round trip.
    const t0 = performance.now();
    // socket.io-client types timeout().emitWithAck as any; the contract says a number.
    const serverTime = (await this.socket
      .timeout(PING_TIMEOUT_MS)
      .emitWithAck('clock:ping', sentAt)) as number;
    const rtt = performance.now() - t0;
    return { rtt, offset: serverTime - (sentAt + rtt / 2) };
  }
}
