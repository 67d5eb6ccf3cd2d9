import { afterEach, describe, expect, it } from 'vitest';
import type { Link } from '../../../../shared/links';
import type { DropStats } from '../../../../shared/stats';
import { sampleDrop, TEST_TOKEN } from '../../../support/core-harness';
import { startCoreProcess, type CoreProcess } from '../../../support/core-process';
import { scan } from '../../../support/scan';
import { tempDir } from '../../../support/temp-dir';

const auth = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };

describe('durability: kill -9 in the middle of a scan burst', () => {
  const dir = tempDir();
  let proc: CoreProcess | null = null;
  afterEach(async () => {
    await proc?.kill('SIGKILL');
    dir.remove();
  });

  it('loses no scan whose viewer got the redirect', async () => {
    proc = await startCoreProcess(dir.path, TEST_TOKEN);
    const drop = (await (
      await fetch(`${proc.url}/api/drops`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(sampleDrop()),
      })
    ).json()) as { id: number };
    const link = (await (
      await fetch(`${proc.url}/api/drops/${drop.id}/links`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ touchpoint: 'stream' }),
      })
    ).json()) as Link;

    // 40 viewers scanning as fast as they can; the core is killed while they are at it.
    let answered = 0;
    let stop = false;
    const url = proc.url;
    const viewer = async (n: number): Promise<void> => {
      while (!stop) {
        try {
          const res = await scan(url, `/r/${link.code}?s=qr`, { ip: `198.51.100.${n}` });
          if (res.status === 302) answered++;
        } catch {
          return; // connection cut by the kill: that request was never answered
        }
      }
    };
    const viewers = Array.from({ length: 40 }, (_, i) => viewer(i + 1));
    while (answered < 1500) await new Promise((r) => setTimeout(r, 5));
    await proc.kill('SIGKILL');
    stop = true;
    await Promise.all(viewers);
    const answeredBeforeKill = answered;

    proc = await startCoreProcess(dir.path, TEST_TOKEN);
    const stats = (await (
      await fetch(`${proc.url}/api/drops/${drop.id}/stats`, { headers: auth })
    ).json()) as DropStats;
    const stored = stats.rows.reduce((n, r) => n + r.clicks, 0);
    expect(answeredBeforeKill).toBeGreaterThanOrEqual(1500);
    expect(stored).toBeGreaterThanOrEqual(answeredBeforeKill);
    // Unanswered in-flight scans may or may not have been stored, but never more than were sent.
    expect(stored - answeredBeforeKill).toBeLessThanOrEqual(40 * 2);
    expect(stats.rows.reduce((n, r) => n + r.uniqueClicks, 0)).toBe(40);
  });
});
