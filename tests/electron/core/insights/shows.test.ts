import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowKpis } from '../../../../shared/insights/kpis';
import type { SplitScope } from '../../../../shared/insights/splits';
import type { Show } from '../../../../shared/insights/shows';
import type { ShowReport } from '../../../../shared/insights/report';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { RawFacts } from '../../../support/raw-facts';
import { createShow, json, liveDropInShow } from './show-helpers';

const T0 = Date.UTC(2026, 10, 21, 18, 0, 0);

describe('shows: create, edit, drops, costs and creator splits over the API', () => {
  let t: TestCore;
  let raw: RawFacts;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(T0);
    t = await startTestCore({ clock });
    raw = new RawFacts(t.dataDir);
  });
  afterEach(async () => {
    raw.close();
    await t.stop();
  });

  it('creates, lists, renames and re-windows a show; moves drops between shows; audits every change', async () => {
    const a = await createShow(t, { name: '  Friday pop-up ', startsAt: T0, endsAt: T0 + 3600_000 });
    expect(a).toMatchObject({ name: 'Friday pop-up', startsAt: T0, endsAt: T0 + 3600_000, dropIds: [] });
    const b = await createShow(t, { name: 'Saturday stream' });
    const drop = await liveDropInShow(t, a.id);
    expect((await json<Show>(await t.api(`/api/shows/${a.id}`))).dropIds).toEqual([drop.id]);
    // Assigning to another show moves it.
    const moved = await json<Show>(
      await t.api(`/api/shows/${b.id}/drops`, { method: 'POST', json: { dropId: drop.id } }),
    );
    expect(moved.dropIds).toEqual([drop.id]);
    expect((await json<Show>(await t.api(`/api/shows/${a.id}`))).dropIds).toEqual([]);
    expect((await t.api(`/api/shows/${a.id}/drops/${drop.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(
      (await json<Show>(await t.api(`/api/shows/${b.id}/drops/${drop.id}`, { method: 'DELETE' }))).dropIds,
    ).toEqual([]);

    const renamed = await json<Show>(
      await t.api(`/api/shows/${a.id}`, { method: 'PATCH', json: { name: 'Friday late', endsAt: null } }),
    );
    expect(renamed).toMatchObject({ name: 'Friday late', startsAt: T0, endsAt: null });
    expect((await json<Show[]>(await t.api('/api/shows'))).map((s) => s.id)).toEqual([b.id, a.id]);
    const actions = raw.all<{ action: string }>(
      "SELECT action FROM audit_log WHERE subject_type = 'show' ORDER BY id",
    );
    expect(actions.map((r) => r.action)).toEqual([
      'show:create',
      'show:create',
      'show:assign-drop',
      'show:assign-drop',
      'show:unassign-drop',
      'show:update',
    ]);
  });

  it('refuses bad input with a clear 400, unknown things with 404, and callers without the host token', async () => {
    const show = await createShow(t, { name: 'Checks' });
    const bad = async (path: string, body: unknown, method = 'POST'): Promise<string> => {
      const res = await t.api(path, { method, json: body });
      expect(res.status, path).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await bad('/api/shows', { name: 'x\u202Ey' })).toMatch(/bidi/);
    expect(await bad('/api/shows', { name: 'Late', startsAt: 10, endsAt: 5 })).toMatch(/endsAt/);
    expect(await bad(`/api/shows/${show.id}`, { startsAt: 10, endsAt: 5 }, 'PATCH')).toMatch(/endsAt/);
    const splits = (s: unknown) => bad(`/api/shows/${show.id}/splits`, { splits: s });
    expect(
      await splits([
        { creator: 'Ana', percent: 60 },
        { creator: 'Ben', percent: 40.01 },
      ]),
    ).toMatch(/100/);
    expect(await splits([{ creator: 'Ana', percent: 10.001 }])).toMatch(/two decimals/);
    expect(
      await splits([
        { creator: 'Ana', percent: 10 },
        { creator: 'Ana', percent: 5 },
      ]),
    ).toMatch(/once/);
    expect(
      await bad(`/api/shows/${show.id}/costs`, { touchpoint: 'stream', amountCents: -1, currency: 'EUR' }),
    ).toMatch(/amountCents/);
    expect(
      (
        await t.api(`/api/shows/${show.id}/costs`, {
          method: 'POST',
          json: { touchpoint: 'nope', amountCents: 1, currency: 'EUR' },
        })
      ).status,
    ).toBe(404);
    expect((await t.api('/api/shows/999')).status).toBe(404);
    expect(
      (await t.api(`/api/shows/${show.id}/drops`, { method: 'POST', json: { dropId: 999 } })).status,
    ).toBe(404);
    expect(
      (await t.api(`/api/shows/${show.id}/splits`, { method: 'POST', json: { dropId: 999, splits: [] } }))
        .status,
    ).toBe(404);
    for (const path of [`/api/shows/${show.id}/kpis`, `/api/shows/${show.id}/report`, '/api/shows']) {
      expect((await t.api(path, { token: null })).status, path).toBe(401);
    }
  });

  it('lets a co-host watch live KPIs and read shows, but not money, attribution, edits or exports', async () => {
    const show = await createShow(t, { name: 'Roles' });
    const pairing = await json<{ code: string }>(
      await t.api('/api/devices/pairing', { method: 'POST', json: { role: 'cohost' } }),
      201,
    );
    const { token } = await json<{ token: string }>(
      await t.api('/api/devices/pair', {
        method: 'POST',
        json: { code: pairing.code, name: 'Floor phone' },
        token: null,
      }),
      201,
    );
    const as = (path: string, method = 'GET', body?: unknown) => t.api(path, { method, json: body, token });
    expect((await as(`/api/shows/${show.id}/kpis/live`)).status).toBe(200);
    expect((await as(`/api/shows/${show.id}`)).status).toBe(200);
    expect((await as('/api/shows')).status).toBe(200);
    for (const [path, method, body] of [
      [`/api/shows/${show.id}/kpis`, 'GET'],
      [`/api/shows/${show.id}/report`, 'GET'],
      [`/api/attribution?show=${show.id}`, 'GET'],
      [`/api/shows/${show.id}/statement?creator=Ana`, 'GET'],
      [`/api/shows/${show.id}/export/ledger.csv`, 'GET'],
      ['/api/shows', 'POST', { name: 'Mine' }],
      [`/api/shows/${show.id}/splits`, 'POST', { splits: [] }],
      ['/api/stats/rebuild', 'POST', { show: show.id }],
    ] as Array<[string, string, unknown]>) {
      expect((await as(path, method, body)).status, `${method} ${path}`).toBe(403);
    }
  });

  it('splits €100.01 between three creators to the cent, and a negative net after refunds too', async () => {
    const show = await createShow(t, { name: 'Co-op' });
    const drop = await liveDropInShow(t, show.id);
    await json(
      await t.api(`/api/shows/${show.id}/splits`, {
        method: 'POST',
        json: {
          splits: [
            { creator: 'Ana', percent: 33.34 },
            { creator: 'Ben', percent: 33.33 },
            { creator: 'Cy', percent: 33.33 },
          ],
        },
      }),
    );
    const sale = await json<{ id: number }>(
      await t.api('/api/sales', {
        method: 'POST',
        json: {
          dropId: drop.id,
          quantity: 1,
          amountCents: 10_001,
          currency: 'EUR',
          source: 'manual',
          externalId: 'm1',
        },
      }),
      201,
    );
    const scopes = async () => (await json<ShowReport>(await t.api(`/api/shows/${show.id}/report`))).splits;
    const shares = (s: SplitScope[]) => Object.fromEntries(s[0].shares.map((x) => [x.creator, x.cents]));
    // 10001 × 33.34 % = 3334.3334; × 33.33 % = 3333.3333 (twice): floors 3334 + 3333 + 3333 = 10000, the
    // odd cent to the largest remainder (Ana). No host share: the creators hold 100 %.
    expect(shares(await scopes())).toEqual({ Ana: 3335, Ben: 3333, Cy: 3333 });

    // Refunds of €150.00 against the €100.01 sale (a goodwill refund on top): net −€49.99 = −4999.
    // −4999 × 33.34 % = −1666.6666, × 33.33 % = −1666.1667 (twice): |floors| 1666 + 1666 + 1666 = 4998;
    // the odd cent to the largest remainder (Ana, .6666).
    raw.entry({
      at: T0 + 1,
      kind: 'refund',
      dropId: drop.id,
      quantity: -1,
      amountCents: -10_001,
      externalId: 're_1',
      relatedEntryId: sale.id,
    });
    raw.entry({
      at: T0 + 2,
      kind: 'refund',
      dropId: drop.id,
      quantity: 0,
      amountCents: -4_999,
      externalId: 're_2',
      relatedEntryId: sale.id,
    });
    const negative = await scopes();
    expect(negative[0].netCents).toBe(-4999);
    expect(shares(negative)).toEqual({ Ana: -1667, Ben: -1666, Cy: -1666 });
    const kpis = await json<ShowKpis>(await t.api(`/api/shows/${show.id}/kpis`));
    expect(kpis.revenue[0]).toMatchObject({ netCents: -4999, creatorSharesCents: -4999, hostNetCents: 0 });

    // Less than 100 % shared: the host keeps the remainder, and takes part in the rounding.
    await json(
      await t.api(`/api/shows/${show.id}/splits`, {
        method: 'POST',
        json: {
          splits: [
            { creator: 'Ana', percent: 12.5 },
            { creator: 'Ben', percent: 12.5 },
          ],
        },
      }),
    );
    // −4999 × 12.5 % = −624.875 (twice), host 75 % = −3749.25: floors 624 + 624 + 3749 = 4997; two cents
    // left go to the remainders .875 (Ana, then Ben — listed order breaks the tie).
    expect(shares(await scopes())).toEqual({ Ana: -625, Ben: -625, '(host)': -3749 });
  });
});
