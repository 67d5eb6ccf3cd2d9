import type { ForkOptions } from 'electron';
import { parseCoreMessage, type HostToCoreMessage } from '../../shared/ipc';

/**
 * Runs the core (SQLite + HTTP + hub) in an Electron utility process and keeps it alive: a core crash
 * costs the host a few seconds of "reconnecting", never the window. Electron is injected (`fork`), so
 * this supervisor is unit-tested with a fake child on machines without the Electron binary.
 */

export interface CoreReady {
  url: string;
  port: number;
  hostToken: string;
}

/** The slice of Electron's UtilityProcess the supervisor uses. */
export interface CoreChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: HostToCoreMessage): void;
  kill(): boolean;
}

export type ForkCore = (modulePath: string, args: string[], options: ForkOptions) => CoreChild;

export interface RestartPolicy {
  /** Give up after this many crashes inside `windowMs` (a crash loop will not fix itself). */
  maxCrashes: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxCrashes: 5,
  windowMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

/** Exponential backoff over recent crashes; null means "stop restarting and tell the host". */
export function nextRestartDelay(crashTimes: number[], now: number, policy: RestartPolicy): number | null {
  const recent = crashTimes.filter((t) => now - t < policy.windowMs).length;
  if (recent === 0) return 0;
  if (recent >= policy.maxCrashes) return null;
  return Math.min(policy.baseDelayMs * 2 ** (recent - 1), policy.maxDelayMs);
}

export interface CrashInfo {
  exitCode: number;
  /** The core's own last words (`{type:'fatal'}`), when it managed to send them. */
  reason: string | null;
  /** Milliseconds until the next attempt, or null when the supervisor gave up. */
  restartInMs: number | null;
}

export interface CoreSupervisorOptions {
  fork: ForkCore;
  /** Absolute path of the bundled core entry (`out/main/core.js`). */
  entry: string;
  /** Passed to the core as DROPDECK_CORE_OPTS (data dir, renderer dir, port). */
  coreOptions: Record<string, unknown>;
  onReady: (ready: CoreReady, restarted: boolean) => void;
  onCrash: (info: CrashInfo) => void;
  policy?: RestartPolicy;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  now?: () => number;
}

export class CoreSupervisor {
  private child: CoreChild | null = null;
  private crashes: number[] = [];
  private everReady = false;
  private stopping = false;
  private lastFatal: string | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private exited: (() => void) | null = null;

  constructor(private readonly opts: CoreSupervisorOptions) {}

  /** Forks the core; `onReady` fires for this start and for every successful restart. */
  start(): void {
    this.stopping = false;
    this.spawn();
  }

  /** Asks the core to close its database cleanly; kills it if it does not exit in time. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => (this.exited = resolve));
    child.postMessage({ type: 'shutdown' });
    const killer = setTimeout(() => child.kill(), this.opts.stopTimeoutMs ?? 5_000);
    await exited;
    clearTimeout(killer);
  }

  private spawn(): void {
    const env = { ...process.env, DROPDECK_CORE_OPTS: JSON.stringify(this.opts.coreOptions) };
    const child = this.opts.fork(this.opts.entry, [], {
      env,
      serviceName: 'DropDeck core',
      stdio: 'inherit',
    });
    this.child = child;
    this.lastFatal = null;
    this.readyTimer = setTimeout(() => {
      this.lastFatal = 'the core did not report ready in time';
      child.kill();
    }, this.opts.readyTimeoutMs ?? 30_000);

    child.on('message', (data) => {
      const message = parseCoreMessage(data);
      if (message?.type === 'fatal') this.lastFatal = message.message;
      if (message?.type !== 'ready') return;
      if (this.readyTimer) clearTimeout(this.readyTimer);
      const restarted = this.everReady;
      this.everReady = true;
      this.opts.onReady({ url: message.url, port: message.port, hostToken: message.hostToken }, restarted);
    });
    child.on('exit', (code) => this.onExit(child, code));
  }

  private onExit(child: CoreChild, exitCode: number): void {
    if (child !== this.child) return;
    if (this.readyTimer) clearTimeout(this.readyTimer);
    this.child = null;
    if (this.stopping) {
      this.exited?.();
      return;
    }
    const now = (this.opts.now ?? Date.now)();
    this.crashes = [...this.crashes.filter((t) => now - t < this.policy.windowMs), now];
    const delay = nextRestartDelay(this.crashes, now, this.policy);
    this.opts.onCrash({ exitCode, reason: this.lastFatal, restartInMs: delay });
    if (delay === null) return;
    this.restartTimer = setTimeout(() => this.spawn(), delay);
  }

  private get policy(): RestartPolicy {
    return this.opts.policy ?? DEFAULT_RESTART_POLICY;
  }
}
