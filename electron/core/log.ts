/** Plain structured-ish logging to stderr; the ready line and the token go to stdout from serve.ts. */
export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

export function createLogger(scope: string, quiet = process.env.DROPDECK_QUIET === '1'): Logger {
  const write = (level: string, msg: string, extra?: Record<string, unknown>): void => {
    if (quiet && level === 'info') return;
    const tail = extra ? ' ' + JSON.stringify(extra) : '';
    process.stderr.write(`${new Date().toISOString()} ${level} [${scope}] ${msg}${tail}\n`);
  };
  return {
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}
