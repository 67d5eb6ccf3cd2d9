import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CoreSupervisor,
  DEFAULT_RESTART_POLICY,
  nextRestartDelay,
  type CoreChild,
  type CoreReady,
  type CrashInfo,
} from '../../../electron/main/core-process';
import type { HostToCoreMessage } from '../../../shared/ipc';

/** Stands in for Electron's UtilityProcess: the test plays the core's side of the conversation. */
class FakeCore extends EventEmitter implements CoreChild {
  received: HostToCoreMessage[] = [];
  killed = false;
  constructor(readonly env: Record<string, unknown>) {
    super();
  }
  postMessage(message: HostToCoreMessage): void {
    this.received.push(message);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 1);
    return true;
  }
  ready(port = 4800): void {
    this.emit('message', { type: 'ready', url: `http://127.0.0.1:${port}`, port, hostToken: 'tok' });
  }
  crash(code = 1, reason?: string): void {
    if (reason) this.emit('message', { type: 'fatal', message: reason });
    this.emit('exit', code);
  }
}

function harness() {
  const children: FakeCore[] = [];
  const ready: Array<{ ready: CoreReady; restarted: boolean }> = [];
  const crashes: CrashInfo[] = [];
  const supervisor = new CoreSupervisor({
    fork: (_path, _args, options) => {
      const child = new FakeCore(Object.fromEntries(Object.entries(options.env ?? {})));
      children.push(child);
      return child;
    },
    entry: '/app/out/main/core.js',
    coreOptions: { dataDir: '/data', rendererDir: '/app/out/renderer' },
    onReady: (r, restarted) => ready.push({ ready: r, restarted }),
    onCrash: (info) => crashes.push(info),
  });
  return { supervisor, children, ready, crashes, last: () => children[children.length - 1] };
}

describe('nextRestartDelay', () => {
  const p = DEFAULT_RESTART_POLICY;
  it('backs off exponentially over recent crashes, up to the cap', () => {
    expect(nextRestartDelay([1000], 1000, p)).toBe(p.baseDelayMs);
    expect(nextRestartDelay([1000, 2000], 2000, p)).toBe(p.baseDelayMs * 2);
    expect(nextRestartDelay([1, 2, 3, 4], 4, { ...p, maxCrashes: 10, maxDelayMs: 1500 })).toBe(1500);
  });
  it('forgets crashes older than the window', () => {
    expect(nextRestartDelay([0, 1, 2, 3], p.windowMs + 10, p)).toBe(0);
  });
  it('gives up on a crash loop', () => {
    expect(nextRestartDelay([1, 2, 3, 4, 5], 5, p)).toBeNull();
  });
});

describe('CoreSupervisor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands the core its options and reports where it listens', () => {
    const h = harness();
    h.supervisor.start();
    expect(JSON.parse(String(h.last().env.DROPDECK_CORE_OPTS))).toEqual({
      dataDir: '/data',
      rendererDir: '/app/out/renderer',
    });
    h.last().ready(4811);
    expect(h.ready).toEqual([
      { ready: { url: 'http://127.0.0.1:4811', port: 4811, hostToken: 'tok' }, restarted: false },
    ]);
  });

  it('ignores malformed messages from the child', () => {
    const h = harness();
    h.supervisor.start();
    h.last().emit('message', { type: 'ready', url: 42 });
    h.last().emit('message', 'ready');
    expect(h.ready).toEqual([]);
  });

  it('restarts a crashed core and says it was a restart', () => {
    const h = harness();
    h.supervisor.start();
    h.last().ready();
    h.last().crash(1, 'database is locked');
    expect(h.crashes).toEqual([{ exitCode: 1, reason: 'database is locked', restartInMs: 500 }]);
    vi.runOnlyPendingTimers();
    expect(h.children).toHaveLength(2);
    h.last().ready();
    expect(h.ready.map((r) => r.restarted)).toEqual([false, true]);
  });

  it('stops restarting a core that keeps crashing, and says so', () => {
    const h = harness();
    h.supervisor.start();
    for (let i = 0; i < DEFAULT_RESTART_POLICY.maxCrashes; i++) {
      h.last().crash(1);
      vi.runOnlyPendingTimers();
    }
    expect(h.children).toHaveLength(DEFAULT_RESTART_POLICY.maxCrashes);
    expect(h.crashes.at(-1)?.restartInMs).toBeNull();
  });

  it('kills and restarts a core that never reports ready', () => {
    const h = harness();
    h.supervisor.start();
    vi.advanceTimersByTime(30_000);
    expect(h.children[0].killed).toBe(true);
    expect(h.crashes[0].reason).toMatch(/did not report ready/);
  });

  it('asks the core to shut down cleanly and does not restart it', async () => {
    const h = harness();
    h.supervisor.start();
    h.last().ready();
    const stopped = h.supervisor.stop();
    expect(h.last().received).toEqual([{ type: 'shutdown' }]);
    h.last().emit('exit', 0);
    await stopped;
    vi.runOnlyPendingTimers();
    expect(h.children).toHaveLength(1);
    expect(h.crashes).toEqual([]);
  });

  it('kills a core that ignores the shutdown request', async () => {
    const h = harness();
    h.supervisor.start();
    h.last().ready();
    const stopped = h.supervisor.stop();
    vi.advanceTimersByTime(5_000);
    await stopped;
    expect(h.last().killed).toBe(true);
  });
});
