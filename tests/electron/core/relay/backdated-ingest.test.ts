import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scan } from '../../../../electron/core/clicks/scan-writer';
import type { DropStats } from '../../../../shared/stats';
import { startLiveDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { newLink } from './relay-support';

const T0 = Date.UTC(2026, 10, 21, 18, 0, 0);
const MIN = 60_000;

describe('ingest of relayed scans: back-dated, out of order, idempotent', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('lands each scan in its own minute and judges uniques by the visitor’s latest scan', async () => {
    const clock = new ManualClock(T0 + 30 * MIN);
    t = await startTestCore({ clock });
    const drop = await startLiveDrop(t, { durationSec: 3600 });
    const link = await newLink(t, drop.id);
    const tp = t.core.services.touchpoints.findByKey('stream');
    const alice = randomBytes(16);
    const bob = randomBytes(16);
    let n = 0;
    const relayed = (at: number, who: Buffer): Scan => ({
      kind: 'click',
      at,
      code: link.code,
      dropId: drop.id,
      touchpointId: tp?.id ?? 0,
      via: 'qr',
      bot: false,
      visitor: { current: who, previous: who },
      edgeId: `edge-${n++}`,
    });
    // Alice's later scan arrives first; her earlier one (20 min before) must not count as a new
    // visitor, and a back-dated scan lands in the minute it happened, not the minute it arrived.
    const first = [relayed(T0 + 25 * MIN, alice), relayed(T0 + 2 * MIN, bob)];
    const second = [relayed(T0 + 5 * MIN, alice), relayed(T0 + 2 * MIN + 5000, bob)];
    t.core.services.clicks.ingest(first);
    t.core.services.clicks.ingest(second);
    // The same page pulled again (a sync retried after a crash) changes nothing.
    const again = t.core.services.clicks.ingest(second);
    expect(again).toMatchObject({ stored: 0, duplicates: 2 });

    const rows = ((await (await t.api(`/api/drops/${drop.id}/stats`)).json()) as DropStats).rows;
    const byMinute = Object.fromEntries(rows.map((r) => [(r.minute - T0) / MIN, [r.clicks, r.uniqueClicks]]));
    expect(byMinute).toEqual({ 2: [2, 1], 5: [1, 0], 25: [1, 1] });
  });
});
