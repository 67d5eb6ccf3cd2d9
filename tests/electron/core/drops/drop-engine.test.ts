import { afterEach, describe, expect, it } from 'vitest';
import type { Calendar, Drop } from '../../../../shared/drops';
import { HOST_PRINCIPAL as HOST } from '../../../../electron/core/devices/principal';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualTimers } from '../../../support/manual-timers';
import { tempDir } from '../../../support/temp-dir';

const MIN = 60_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function boot(time: ManualTimers, dataDir?: string): Promise<TestCore> {
  const t = await startTestCore({ clock: time.clock, timers: time, keepDataDir: dataDir });
  cleanups.push(() => t.stop());
  return t;
}

async function createDrop(t: TestCore, over: Record<string, unknown> = {}): Promise<Drop> {
  const res = await t.api('/api/drops', { method: 'POST', json: sampleDrop(over) });
  expect(res.status).toBe(201);
  return (await res.json()) as Drop;
}

async function getDrop(t: TestCore, id: number): Promise<Drop> {
  return (await (await t.api(`/api/drops/${id}`)).json()) as Drop;
}

/** The moments a stream would have reacted to, in order. */
function moments(t: TestCore): string[] {
  const seen: string[] = [];
  t.core.services.events.on('drop:moment', (moment, drop) => seen.push(`${moment}:${drop.id}`));
  return seen;
}

describe('a live drop over time', () => {
  it('starts, reaches its last minute once, and ends at the deadline by itself', async () => {
    const time = new ManualTimers();
    const t = await boot(time);
    const seen = moments(t);
    const drop = await createDrop(t, { durationSec: 300 });

    const started = (await (await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' })).json()) as Drop;
    expect(started).toMatchObject({
      state: 'live',
      startedAt: time.clock.now(),
      endsAt: time.clock.now() + 5 * MIN,
    });

    time.advance(4 * MIN);
    expect(seen).toEqual([`start:${drop.id}`, `lastMinute:${drop.id}`]);
    time.advance(59_000);
    expect((await getDrop(t, drop.id)).state).toBe('live');

    time.advance(1_000);
    const ended = await getDrop(t, drop.id);
    expect(ended).toMatchObject({ state: 'ended', endedAt: started.endsAt });
    expect(seen).toEqual([`start:${drop.id}`, `lastMinute:${drop.id}`, `end:${drop.id}`]);
    expect(time.size).toBe(0);
  });

  it('reads show the drop ended once its time is up, even if no timer fired', async () => {
    const time = new ManualTimers();
    const t = await boot(time);
    const drop = await createDrop(t);
    await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' });

    time.clock.advance(6 * MIN); // the clock moves, the timers do not
    expect((await getDrop(t, drop.id)).state).toBe('ended');
    const list = (await (await t.api('/api/drops')).json()) as Drop[];
    expect(list.find((d) => d.id === drop.id)?.state).toBe('ended');
  });

  it('an extension moves the deadline and replays the last minute later', async () => {
    const time = new ManualTimers();
    const t = await boot(time);
    const seen = moments(t);
    const drop = await createDrop(t, { durationSec: 120 });
    const { endsAt } = t.core.services.engine.start(drop.id, HOST);

    time.advance(90_000);
    const res = await t.api(`/api/drops/${drop.id}/extend`, { method: 'POST', json: { seconds: 120 } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Drop).endsAt).toBe((endsAt ?? 0) + 120_000);

    time.advance(149_000); // 1 s before the new deadline
    expect((await getDrop(t, drop.id)).state).toBe('live');
    time.advance(1_000);
    expect((await getDrop(t, drop.id)).state).toBe('ended');
    expect(seen.filter((m) => m.startsWith('lastMinute'))).toHaveLength(2);
  });

  it('refuses transitions the state does not allow, naming the drop', async () => {
    const time = new ManualTimers();
    const t = await boot(time);
    const drop = await createDrop(t);

    const early = await t.api(`/api/drops/${drop.id}/extend`, { method: 'POST', json: { seconds: 30 } });
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({
      error: {
        code: 'invalid_transition',
        message: `Drop ${drop.id} is still a draft; change its duration instead of extending it.`,
      },
    });

    await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' });
    await t.api(`/api/drops/${drop.id}/end`, { method: 'POST' });
    const late = await t.api(`/api/drops/${drop.id}/extend`, { method: 'POST', json: { seconds: 30 } });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { message: string } }).error.message).toBe(
      `Drop ${drop.id} has ended; it cannot be extended.`,
    );

    const missing = await t.api('/api/drops/999/start', { method: 'POST' });
    expect(missing.status).toBe(404);
    const badBody = await t.api(`/api/drops/${drop.id}/extend`, { method: 'POST', json: { seconds: 0 } });
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as { error: { message: string } }).error.message).toMatch(/seconds/);
  });

  it('writes every transition to the audit log with who did it', async () => {
    const time = new ManualTimers();
    const t = await boot(time);
    const drop = await createDrop(t, { durationSec: 60 });
    await t.api(`/api/drops/${drop.id}/start`, { method: 'POST' });
    await t.api(`/api/drops/${drop.id}/extend`, { method: 'POST', json: { seconds: 30 } });
    time.advance(2 * MIN);

    const log = t.core.services.audit.list({ subjectType: 'drop', subjectId: drop.id }).reverse();
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['drop:create', 'host'],
      ['drop:start', 'host'],
      ['drop:lastMinute', 'system'],
      ['drop:extend', 'host'],
      ['drop:lastMinute', 'system'],
      ['drop:expire', 'system'],
    ]);
    expect(log[3].detail).toMatchObject({ from: 'live', to: 'live', seconds: 30 });
  });
});

describe('stock', () => {
  it('sells out, re-opens on a flash restock, and cannot be restocked once ended', async () => {
    const time = new ManualTimers();
    const t = await boot(time);
    const seen = moments(t);
    const drop = await createDrop(t, { stock: 1, tiers: [{ name: 'Bundle', stock: 0, priceCents: 4000 }] });
    const { engine, sales } = t.core.services;
    engine.start(drop.id, HOST);
    sales.record(
      { dropId: drop.id, quantity: 1, amountCents: 2500, currency: 'EUR', source: 'manual', externalId: 'a' },
      HOST,
    );
    expect((await getDrop(t, drop.id)).state).toBe('sold_out');
    expect(seen).toContain(`soldOut:${drop.id}`);

    const bundle = drop.tiers[1];
    const res = await t.api(`/api/drops/${drop.id}/restock`, {
      method: 'POST',
      json: { units: 3, tierId: bundle.id },
    });
    expect(res.status).toBe(200);
    const reopened = (await res.json()) as Drop;
    expect(reopened).toMatchObject({ state: 'live', stock: 3, sold: 1 });
    expect(reopened.tiers[1]).toMatchObject({ name: 'Bundle', stock: 3 });

    const wrongTier = await t.api(`/api/drops/${drop.id}/restock`, {
      method: 'POST',
      json: { units: 1, tierId: 9999 },
    });
    expect(wrongTier.status).toBe(400);
    expect(((await wrongTier.json()) as { error: { message: string } }).error.message).toMatch(
      /has no tier 9999; its tiers are/,
    );

    engine.end(drop.id, HOST);
    const late = await t.api(`/api/drops/${drop.id}/restock`, { method: 'POST', json: { units: 1 } });
    expect(late.status).toBe(409);
  });

  it('records a restock as an inventory movement', async () => {
    const t = await boot(new ManualTimers());
    const drop = await createDrop(t, { stock: 2 });
    t.core.services.engine.restock(drop.id, 5, HOST);
    const rows = t.core.services.db
      .prepare('SELECT delta, reason, actor FROM inventory_movements WHERE drop_id = ? ORDER BY id')
      .all(drop.id);
    expect(rows).toEqual([
      { delta: 2, reason: 'initial', actor: 'host' },
      { delta: 5, reason: 'restock', actor: 'host' },
    ]);
    expect((await getDrop(t, drop.id)).stock).toBe(7);
  });
});

describe('scheduling', () => {
  it('lists scheduled drops by date and starts them by themselves', async () => {
    const time = new ManualTimers(); // 2026-11-21 18:00 UTC
    const t = await boot(time);
    const seen = moments(t);
    const tomorrow = await createDrop(t, { title: 'Tomorrow' });
    const tonight = await createDrop(t, { title: 'Tonight' });
    const at = time.clock.now() + 30 * MIN;
    for (const [d, when] of [
      [tomorrow, at + 24 * 60 * MIN],
      [tonight, at],
    ] as const) {
      const res = await t.api(`/api/drops/${d.id}/schedule`, { method: 'POST', json: { at: when } });
      expect(res.status).toBe(200);
    }

    const cal = (await (await t.api('/api/calendar?timeZone=UTC')).json()) as Calendar;
    expect(cal.days.map((day) => [day.date, day.drops.map((d) => d.title)])).toEqual([
      ['2026-11-21', ['Tonight']],
      ['2026-11-22', ['Tomorrow']],
    ]);

    time.advance(30 * MIN);
    expect(await getDrop(t, tonight.id)).toMatchObject({
      state: 'live',
      startedAt: at,
      endsAt: at + 5 * MIN,
    });
    expect(seen).toEqual([`start:${tonight.id}`]);
    const after = (await (await t.api('/api/calendar?timeZone=UTC')).json()) as Calendar;
    expect(after.days).toHaveLength(1);
  });

  it('cancels a schedule, and refuses times in the past and unknown time zones', async () => {
    const time = new ManualTimers();
    const t = await boot(time);
    const drop = await createDrop(t);
    const past = await t.api(`/api/drops/${drop.id}/schedule`, {
      method: 'POST',
      json: { at: time.clock.now() - 1 },
    });
    expect(past.status).toBe(400);

    await t.api(`/api/drops/${drop.id}/schedule`, { method: 'POST', json: { at: time.clock.now() + MIN } });
    const cancelled = await t.api(`/api/drops/${drop.id}/schedule`, { method: 'DELETE' });
    expect(await cancelled.json()).toMatchObject({ state: 'draft', scheduledAt: null });
    time.advance(2 * MIN);
    expect((await getDrop(t, drop.id)).state).toBe('draft');

    const badZone = await t.api('/api/calendar?timeZone=Mars/Olympus');
    expect(badZone.status).toBe(400);
  });
});

describe('restart', () => {
  function keptDir(): string {
    const dir = tempDir();
    cleanups.unshift(() => dir.remove()); // removed after the cores are stopped
    return dir.path;
  }

  it('resumes a live drop with its deadline and still ends it on time', async () => {
    const dir = keptDir();
    const time = new ManualTimers();
    const first = await boot(time, dir);
    const drop = await createDrop(first);
    const { endsAt } = first.core.services.engine.start(drop.id, HOST);
    await first.stop();

    const later = new ManualTimers();
    later.clock.t = time.clock.now() + 2 * MIN;
    const second = await boot(later, dir);
    expect(await getDrop(second, drop.id)).toMatchObject({ state: 'live', endsAt });
    later.advance(3 * MIN);
    expect(await getDrop(second, drop.id)).toMatchObject({ state: 'ended', endedAt: endsAt });
  });

  it('ends a drop whose time passed while DropDeck was closed, at its deadline', async () => {
    const dir = keptDir();
    const time = new ManualTimers();
    const first = await boot(time, dir);
    const drop = await createDrop(first);
    const { endsAt } = first.core.services.engine.start(drop.id, HOST);
    await first.stop();

    const later = new ManualTimers();
    later.clock.t = time.clock.now() + 60 * MIN;
    const second = await boot(later, dir);
    expect(await getDrop(second, drop.id)).toMatchObject({ state: 'ended', endedAt: endsAt });
    expect(second.core.services.drops.row(drop.id)?.ended_reason).toBe('expired-while-offline');
  });

  it('starts a scheduled drop that came due while closed, or closes it when its window is gone', async () => {
    const dir = keptDir();
    const time = new ManualTimers();
    const first = await boot(time, dir);
    const soon = await createDrop(first, { title: 'Soon' });
    const missed = await createDrop(first, { title: 'Missed', durationSec: 60 });
    first.core.services.engine.schedule(soon.id, time.clock.now() + MIN, HOST);
    first.core.services.engine.schedule(missed.id, time.clock.now() + MIN, HOST);
    await first.stop();

    const later = new ManualTimers();
    later.clock.t = time.clock.now() + 3 * MIN;
    const second = await boot(later, dir);
    expect(await getDrop(second, soon.id)).toMatchObject({
      state: 'live',
      startedAt: time.clock.now() + MIN,
    });
    expect(await getDrop(second, missed.id)).toMatchObject({ state: 'ended', startedAt: null });
    expect(second.core.services.drops.row(missed.id)?.ended_reason).toBe('missed-while-offline');
  });
});
