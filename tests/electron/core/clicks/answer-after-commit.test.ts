import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Link } from '../../../../shared/links';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { PHONE_UA } from '../../../support/scan';

/**
 * The durability test kills the core at a random moment, which rarely lands between an answer and
 * its commit: it would stay green if viewers were answered a moment too early. This one looks at
 * that moment itself — every answer must find its own scan committed, seen from another connection.
 */
describe('group commit: a viewer is answered only once their scan is committed', () => {
  let t: TestCore;
  let reader: Database.Database | null = null;
  afterEach(async () => {
    reader?.close();
    reader = null;
    await t.stop();
  });

  it('each answer finds at least as many scans stored as viewers answered so far', async () => {
    t = await startTestCore();
    const drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as {
      id: number;
    };
    const link = (await (
      await t.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint: 'stream' } })
    ).json()) as Link;
    const resolution = t.core.services.links.resolve(link.code);
    if (resolution.status !== 'ok') throw new Error(`link ${link.code} does not resolve`);
    reader = new Database(join(t.dataDir, 'dropdeck.sqlite'), { readonly: true });
    const stored = reader.prepare<[], number>('SELECT count(*) FROM clicks').pluck();
    const before = stored.get() ?? 0;

    // 2,500 scans in one turn: two full batches (flushed as they fill) and a remainder (next turn).
    const SCANS = 2500;
    const seen: number[] = [];
    await new Promise<void>((done) => {
      for (let i = 0; i < SCANS; i++) {
        t.core.services.clicks.record(
          {
            code: link.code,
            dropId: resolution.link.drop_id,
            touchpointId: resolution.link.touchpoint_id,
            via: 'qr',
            ip: `198.51.100.${i % 250}`,
            userAgent: PHONE_UA,
            bot: false,
          },
          () => {
            seen.push((stored.get() ?? 0) - before);
            if (seen.length === SCANS) done();
          },
        );
      }
    });
    const early = seen.findIndex((n, k) => n < k + 1);
    expect(early, `viewer ${early + 1} was answered with only ${seen[early]} scans committed`).toBe(-1);
    expect(seen[SCANS - 1]).toBe(SCANS);
  });
});
