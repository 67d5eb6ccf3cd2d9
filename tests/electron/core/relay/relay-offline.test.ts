import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveDrop } from '../../../support/core-harness';
import { tempDir } from '../../../support/temp-dir';
import { startRelay, type RelayRuntime } from '../../../edge/support/relay-runtime';
import { edgeScan, newLink, startRelayedCore, totals, waitFor } from './relay-support';

const BURST = 5000;
const VIEWERS = 1000;
const CONCURRENCY = 50;

describe('laptop off-line during a burst', () => {
  let relay: RelayRuntime;
  const dir = tempDir();
  beforeAll(async () => {
    relay = await startRelay({ shards: 4 });
  });
  afterAll(async () => {
    await relay.stop();
    dir.remove();
  });

  it('the relay keeps answering; back on-line, the laptop catches up with none lost and none doubled', async () => {
    let t = await startRelayedCore(relay, { keepDataDir: dir.path });
    const drop = await startLiveDrop(t, { durationSec: 3600 });
    const link = await newLink(t, drop.id);
    await waitFor(
      () => edgeScan(relay, `/r/${link.code}`, '192.0.2.1'),
      (r) => r.status === 302,
    );
    await waitFor(
      () => totals(t, drop.id),
      (n) => n.clicks === 1,
    );

    // The relay becomes unreachable for the laptop: a link made now must be queued and sent later.
    await t.core.services.relay?.stop();
    const queued = await newLink(t, drop.id, 'venue');
    await t.core.close();

    let answered = 0;
    let next = 0;
    const viewer = async (): Promise<void> => {
      for (let i = next++; i < BURST; i = next++) {
        const v = i % VIEWERS;
        const res = await edgeScan(relay, `/r/${link.code}?s=qr`, `10.1.${v >> 8}.${v & 255}`);
        if (res.status === 302) answered++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, viewer));
    expect(answered).toBe(BURST);
    // Not published yet: the laptop never reached the relay after making it.
    expect((await edgeScan(relay, `/r/${queued.code}`, '192.0.2.2')).status).toBe(404);

    t = await startRelayedCore(relay, { keepDataDir: dir.path });
    try {
      const n = await waitFor(
        () => totals(t, drop.id),
        (v) => v.clicks >= BURST + 1,
        30_000,
      );
      expect(n).toEqual({ clicks: BURST + 1, unique: VIEWERS + 1, qr: BURST });
      const rows = t.core.services.db
        .prepare(
          "SELECT count(*) AS n, count(DISTINCT edge_id) AS ids FROM clicks WHERE source = 'relay' AND drop_id = ?",
        )
        .get(drop.id) as { n: number; ids: number };
      expect(rows).toEqual({ n: BURST + 1, ids: BURST + 1 });
      const rollup = t.core.services.db
        .prepare(
          'SELECT sum(clicks) AS clicks, sum(unique_clicks) AS uniq FROM minute_stats WHERE drop_id = ?',
        )
        .get(drop.id) as { clicks: number; uniq: number };
      const stored = t.core.services.db
        .prepare(
          'SELECT count(*) AS clicks, sum(is_unique) AS uniq FROM clicks WHERE drop_id = ? AND is_bot = 0',
        )
        .get(drop.id) as { clicks: number; uniq: number };
      expect(rollup).toEqual(stored);

      const late = await waitFor(
        () => edgeScan(relay, `/r/${queued.code}`, '192.0.2.3'),
        (r) => r.status === 302,
      );
      expect(late.status).toBe(302);
      // A few more passes: nothing is ingested twice.
      await t.core.services.relay?.sync();
      await t.core.services.relay?.sync();
      expect((await totals(t, drop.id)).clicks).toBe(BURST + 2);
    } finally {
      await t.core.close();
    }
  }, 120_000);
});
