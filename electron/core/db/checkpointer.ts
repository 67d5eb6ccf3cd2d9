import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log';

/**
 * Runs WAL checkpoints on a worker thread with its own connection. A checkpoint copies pages into
 * the main file and fsyncs it; on the event loop that stalls every scan in flight for tens of ms.
 * PASSIVE checkpoints never block the writer. The main connection keeps a large auto-checkpoint as a
 * safety net should this worker ever die.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage(String(e)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, log: Logger, intervalMs = 1000): Checkpointer {
  // Resolved here so the worker loads the very same native build, also from a packaged app.
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, modulePath, intervalMs } });
  worker.on('message', (m: unknown) => log.warn('WAL checkpoint failed', { error: String(m) }));
  worker.on('error', (e) =>
    log.error('WAL checkpoint worker stopped; falling back to auto-checkpoints', { error: String(e) }),
  );
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((done) => {
        // Held again while stopping: an unref'd worker's exit would not keep the process waiting.
        worker.ref();
        worker.once('exit', () => done());
        worker.postMessage('stop');
      }),
  };
}
