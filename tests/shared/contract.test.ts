import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { ACCESS_LEVELS, allows } from '../../shared/contract/access';
import { COMMANDS, pathParams } from '../../shared/contract';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

describe('the command contract', () => {
  it('names every command domain:verb, with each path parameter a field of its input', () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
      const shape = spec.input.shape as Record<string, z.ZodType>;
      for (const param of pathParams(spec.path))
        expect(Object.keys(shape), `${name} :${param}`).toContain(param);
    }
  });

  it('gives no two commands the same route', () => {
    const routes = Object.values(COMMANDS).map((c) => `${c.method} ${c.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('ranks roles: the host may do what a co-host may, nobody without a token more than public', () => {
    expect(ACCESS_LEVELS.map((a) => [a, allows(a, null), allows(a, 'cohost'), allows(a, 'host')])).toEqual([
      ['public', true, true, true],
      ['cohost', false, true, true],
      ['host', false, false, true],
    ]);
  });

  it('is listed in the README, command by command, with its route and role', () => {
    // Prettier pads table cells, so compare rows with their white space folded.
    const rows = README.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    for (const [name, spec] of Object.entries(COMMANDS)) {
      const row = `| \`${name}\` | \`${spec.method} ${spec.path}\` | ${spec.access} |`;
      expect(
        rows.some((r) => r.startsWith(row)),
        row,
      ).toBe(true);
    }
  });
});
