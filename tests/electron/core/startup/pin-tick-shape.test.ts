import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../support/temp-dir';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const PIN = pathToFileURL(join(ROOT, 'electron/core/startup/pin-tick-shape.ts')).href;

/**
 * A process that ran some nextTicks, idled through a full GC, then ticks again (a core between two
 * bursts), reporting the state of V8's inline caches inside `process.nextTick`'s object literal.
 */
const SCRIPT = (pin: boolean): string => `
import { pinTickRecordShape } from ${JSON.stringify(PIN)};
const tick = () => new Promise((done) => process.nextTick(done));
${pin ? 'await pinTickRecordShape();' : ''}
for (let i = 0; i < 1000; i++) await tick();
await new Promise((r) => setTimeout(r, 10));
globalThis.gc();
globalThis.gc();
for (let i = 0; i < 10; i++) await tick();
new Function('f', '%DebugPrint(f)')(process.nextTick);
`;

describe('the nextTick record shape survives an idle full GC (startup/pin-tick-shape)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  const cacheStates = (pin: boolean): string[] => {
    const file = join(dir.path, `probe-${pin}.mts`);
    writeFileSync(file, SCRIPT(pin));
    // V8 prints through C stdio: into a file it is flushed at exit, through a pipe it may not be.
    const outFile = join(dir.path, `probe-${pin}.out`);
    const fd = openSync(outFile, 'w');
    try {
      execFileSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', file], {
        cwd: ROOT,
        stdio: ['ignore', fd, 'inherit'],
      });
    } finally {
      closeSync(fd);
    }
    const out = readFileSync(outFile, 'utf8');
    return [...out.matchAll(/DefineKeyedOwnPropertyInLiteral (\w+)/g)].map((m) => m[1]);
  };

  it('without the pin the literal goes megamorphic (the slow path every request paid)', () => {
    expect(cacheStates(false)).toContain('MEGAMORPHIC');
  });

  it('with the pin every property of the record stays monomorphic', () => {
    const states = cacheStates(true);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((s) => s === 'MONOMORPHIC')).toBe(true);
  });
});
