import { fileURLToPath } from 'node:url';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

export interface WrkResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non3xx: number;
  errors: number;
  /** Responses wrk received in full. */
  completed: number;
}

export function haveWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

const toMs = (value: string, unit: string): number =>
  Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? NaN);

/** Runs wrk (one thread, so the server under test keeps the other core) and parses its report. */
export async function runWrk(
  url: string,
  opts: { connections: number; seconds: number; script?: string; env?: Record<string, string> },
): Promise<WrkResult> {
  const script = fileURLToPath(new URL(opts.script ?? './vary-visitor.lua', import.meta.url));
  // Async on purpose: a blocked event loop would let the bench's own keep-alive sockets go stale.
  const { stdout: out } = await promisify(execFile)(
    'wrk',
    ['-t1', `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', '-s', script, url],
    { env: { ...process.env, ...opts.env } },
  );
  const latency = (pct: string): number => {
    const m = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    if (!m) throw new Error(`wrk printed no ${pct}% latency:\n${out}`);
    return toMs(m[1], m[2]);
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const non = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const done = /(\d+) requests in/.exec(out);
  return {
    completed: Number(done?.[1] ?? 0),
    requestsPerSec: Number(rps?.[1] ?? 0),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    non3xx: Number(non?.[1] ?? 0),
    errors: errs ? errs.slice(1).reduce((n, x) => n + Number(x), 0) : 0,
  };
}
