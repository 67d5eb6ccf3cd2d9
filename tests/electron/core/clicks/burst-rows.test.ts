import { afterEach, describe, expect, it } from 'vitest';
import type { Link } from '../../../../shared/links';
import type { DropStats } from '../../../../shared/stats';
import type { ClickInput } from '../../../../electron/core/clicks/click-recorder';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { PHONE_UA, SLACK_PREVIEW_UA } from '../../../support/scan';

interface Row {
  link_code: string;
  drop_id: number;
  touchpoint_id: number;
  via: string;
  is_bot: number;
}

/**
 * The writer binds what a run of scans shares once per statement and falls back to full rows when
 * many links are scanned at once: either way every row must hold exactly its own scan, in order.
 */
describe('scan rows of a burst: one long run, and many links interleaved', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('stores every scan with its own link, drop, touchpoint, way in and bot flag, in arrival order', async () => {
    t = await startTestCore();
    const newDrop = async (): Promise<number> =>
      ((await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as { id: number })
        .id;
    const newLink = async (dropId: number, touchpoint: string): Promise<Link> =>
      (await (
        await t.api(`/api/drops/${dropId}/links`, { method: 'POST', json: { touchpoint } })
      ).json()) as Link;
    const [d1, d2] = [await newDrop(), await newDrop()];
    const links = [await newLink(d1, 'stream'), await newLink(d1, 'venue'), await newLink(d2, 'stream')];
    const input = (i: number, link: Link, via: 'qr' | 'link', bot: boolean): ClickInput => {
      const r = t.core.services.links.resolve(link.code);
      if (r.status !== 'ok') throw new Error(`link ${link.code} does not resolve`);
      return {
        code: link.code,
        dropId: r.link.drop_id,
        touchpointId: r.link.touchpoint_id,
        via,
        ip: `198.51.100.${i % 250}`,
        userAgent: bot ? SLACK_PREVIEW_UA : PHONE_UA,
        bot,
      };
    };
    // A turn of 300 scans of one link (runs of 64 and a remainder), one of 200 with the links
    // interleaved, and one of a link's scans in four runs told apart only by way in or bot flag.
    const turns: ClickInput[][] = [
      Array.from({ length: 300 }, (_, i) => input(i, links[0], 'qr', false)),
      Array.from({ length: 200 }, (_, i) => input(i, links[i % 3], i % 2 ? 'qr' : 'link', i % 7 === 0)),
      // Blocks of 30: QR humans, QR bots, link bots, link humans.
      Array.from({ length: 120 }, (_, i) => input(i, links[0], i < 60 ? 'qr' : 'link', i >= 30 && i < 90)),
    ];
    for (const turn of turns) {
      await Promise.all(turn.map((c) => new Promise<void>((done) => t.core.services.clicks.record(c, done))));
    }

    const rows = t.core.services.db
      .prepare('SELECT link_code, drop_id, touchpoint_id, via, is_bot FROM clicks ORDER BY id')
      .all() as Row[];
    const want = turns.flat().map((c) => ({
      link_code: c.code,
      drop_id: c.dropId,
      touchpoint_id: c.touchpointId,
      via: c.via,
      is_bot: c.bot ? 1 : 0,
    }));
    expect(rows).toEqual(want);

    // The rollup agrees: the first drop's human scans, and its QR scans among them.
    const stats = (await (await t.api(`/api/drops/${d1}/stats`)).json()) as DropStats;
    const humans = turns.flat().filter((c) => c.dropId === d1 && !c.bot);
    expect(stats.rows.reduce((n, r) => n + r.clicks, 0)).toBe(humans.length);
    expect(stats.rows.reduce((n, r) => n + r.qrScans, 0)).toBe(humans.filter((c) => c.via === 'qr').length);
  });
});
