import { executionAsyncResource } from 'node:async_hooks';

let pinned: object | undefined;

/**
 * Keeps one of Node's `process.nextTick` records alive for the life of the process.
 *
 * Why: V8 collects the hidden class ("map") of those records in a full GC when none is alive, which
 * happens while DropDeck idles after starting or between bursts. The next record then gets a new map,
 * and the inline cache of the object literal inside `nextTick` goes megamorphic for good on the second
 * map it sees. Every nextTick (an HTTP request takes about a dozen) then runs V8's slow runtime path:
 * measured at +3.3 µs of CPU per request on every server in the process, a third of what a bare
 * node:http 302 costs (docs/scan-path.md). One live record keeps the map, so the cache stays
 * monomorphic. Call before the process has idled through a full GC, i.e. first thing at start.
 */
export function pinTickRecordShape(): Promise<void> {
  if (pinned) return Promise.resolve();
  return new Promise((done) =>
    process.nextTick(() => {
      // Inside a nextTick callback the current async resource is that tick's own record.
      pinned = executionAsyncResource();
      done();
    }),
  );
}
