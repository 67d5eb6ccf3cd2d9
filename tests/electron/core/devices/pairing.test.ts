import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/devices';
import type { Drop } from '../../../../shared/drops';
import type { Result } from '../../../../shared/result';
import { sampleDrop, startTestCore, type TestCore } from '../../../support/core-harness';
import { listDevices, pairDevice } from '../../../support/devices';
import { ManualClock } from '../../../support/manual-clock';
import { closeAll, controlSocket, next, request } from '../hub/hub-client';

describe('pairing a co-host phone', () => {
  const clock = new ManualClock();
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore({ clock });
  });
  afterAll(() => t.stop());
  afterEach(closeAll);

  it('pairs with a one-time code the QR carries, and keeps only a hash of the token', async () => {
    const phone = await pairDevice(t, 'Sam’s phone');
    expect(phone.pairing.url).toMatch(/\/#pair=[A-HJ-NP-Z2-9]{10}$/);
    expect(phone.pairing.expiresAt).toBe(clock.now() + 5 * 60_000);
    expect(phone.token).toMatch(/^dd_/);
    expect(phone.device).toMatchObject({ name: 'Sam’s phone', role: 'cohost', revokedAt: null });

    const me = await t.api('/api/devices/me', { token: phone.token });
    expect(await me.json()).toEqual({ name: 'Sam’s phone', role: 'cohost', deviceId: phone.device.id });

    // The same code again: refused, and no second device appears.
    const again = await t.api('/api/devices/pair', {
      method: 'POST',
      token: null,
      json: { code: phone.pairing.code, name: 'Thief' },
    });
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already used/);
    expect((await listDevices(t)).map((d) => d.name)).not.toContain('Thief');
  });

  it('refuses a code after its five minutes', async () => {
    const created = (await (await t.api('/api/devices/pairing', { method: 'POST', json: {} })).json()) as {
      code: string;
    };
    clock.advance(5 * 60_000 + 1);
    const late = await t.api('/api/devices/pair', {
      method: 'POST',
      token: null,
      json: { code: created.code, name: 'Late phone' },
    });
    expect(late.status).toBe(401);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it('lets a co-host start and end a drop, and refuses what only the host may do', async () => {
    const phone = await pairDevice(t, 'Side stage');
    const drop = (await (await t.api('/api/drops', { method: 'POST', json: sampleDrop() })).json()) as Drop;
    const as = (path: string, init: { method?: string; json?: unknown } = {}) =>
      t.api(path, { ...init, token: phone.token });

    expect((await as(`/api/drops/${drop.id}/start`, { method: 'POST' })).status).toBe(200);
    expect((await as(`/api/drops/${drop.id}/extend`, { method: 'POST', json: { seconds: 30 } })).status).toBe(
      200,
    );
    expect((await as(`/api/drops/${drop.id}/stats`)).status).toBe(200);

    const refused: Array<[string, { method?: string; json?: unknown }]> = [
      [`/api/devices/${phone.device.id}/revoke`, { method: 'POST' }],
      ['/api/devices', {}],
      ['/api/audit', {}],
      ['/api/devices/pairing', { method: 'POST', json: {} }],
      ['/api/obs/connect', { method: 'POST', json: { url: 'ws://10.0.0.66:4455' } }],
      ['/api/touchpoints', { method: 'POST', json: { key: 'cohost-tp', kind: 'other' } }],
      ['/api/drops', { method: 'POST', json: sampleDrop() }],
      [`/api/drops/${drop.id}`, { method: 'PATCH', json: { title: 'Renamed' } }],
    ];
    for (const [path, init] of refused) {
      const res = await as(path, init);
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe('forbidden');
    }
    expect((await as(`/api/drops/${drop.id}/end`, { method: 'POST' })).status).toBe(200);

    // The same rights over the socket: one contract, two doors.
    const socket = controlSocket(t.url, phone.token);
    await next(socket, 'state:init');
    const revoke = await request<Result<unknown>>(socket, 'device:revoke', { id: phone.device.id });
    expect(revoke).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const list = await request<Result<Drop[]>>(socket, 'drop:list', {});
    expect(list.ok).toBe(true);

    // Every action is in the audit log with the device's name.
    const audit = (await (await t.api(`/api/audit?deviceId=${phone.device.id}`)).json()) as AuditEntry[];
    expect(audit.map((e) => [e.action, e.actor])).toEqual(
      expect.arrayContaining([
        ['drop:start', 'Side stage'],
        ['drop:extend', 'Side stage'],
        ['drop:end', 'Side stage'],
        ['device:pair', 'Side stage'],
      ]),
    );
    expect(audit.every((e) => e.deviceId === phone.device.id)).toBe(true);
    // Refusals change nothing, so they leave no audit row and no drop edit.
    expect(audit.map((e) => e.action)).not.toContain('drop:update');
    const ended = (await (await t.api(`/api/drops/${drop.id}`)).json()) as Drop;
    expect(ended.title).toBe('Glow mug');
  });

  it('cuts a revoked device off mid-session: its socket is dropped at once, its next request refused', async () => {
    const phone = await pairDevice(t, 'Lost phone');
    const socket = controlSocket(t.url, phone.token);
    await next(socket, 'state:init');
    const told = next<{ message: string }>(socket, 'session:revoked');
    const dropped = new Promise<number>((resolve) => socket.once('disconnect', () => resolve(Date.now())));

    const revokedAt = Date.now();
    const res = await t.api(`/api/devices/${phone.device.id}/revoke`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { revokedAt: number | null }).revokedAt).toBe(clock.now());
    expect((await told).message).toMatch(/revoked/);
    expect((await dropped) - revokedAt).toBeLessThan(1000);

    const after = await t.api('/api/drops', { token: phone.token });
    expect(after.status).toBe(401);
    const again = controlSocket(t.url, phone.token);
    const refusal = await new Promise<Error & { data?: { code: string } }>((resolve) =>
      again.once('connect_error', resolve),
    );
    expect(refusal.data?.code).toBe('unauthorized');

    // Revoking twice says so; the list shows when.
    expect((await t.api(`/api/devices/${phone.device.id}/revoke`, { method: 'POST' })).status).toBe(410);
    const listed = (await listDevices(t)).find((d) => d.id === phone.device.id);
    expect(listed?.revokedAt).toBe(clock.now());
  });

  it('renames a device and shows when each was last seen', async () => {
    const phone = await pairDevice(t, 'Phone');
    clock.advance(60_000);
    await t.api('/api/drops', { token: phone.token });
    const renamed = await t.api(`/api/devices/${phone.device.id}`, {
      method: 'PATCH',
      json: { name: 'Merch table' },
    });
    expect(renamed.status).toBe(200);
    const listed = (await listDevices(t)).find((d) => d.id === phone.device.id);
    expect(listed).toMatchObject({ name: 'Merch table', lastSeenAt: clock.now(), role: 'cohost' });
    // The renamed device acts under its new name.
    expect(await (await t.api('/api/devices/me', { token: phone.token })).json()).toMatchObject({
      name: 'Merch table',
    });
  });

  it('signs the host in from the printed one-time link, which works once', async () => {
    const link = t.core.loginLink();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#pair=/);
    expect(link).not.toContain(t.core.config.hostToken);
    const code = link.split('#pair=')[1];
    const res = await t.api('/api/devices/pair', {
      method: 'POST',
      token: null,
      json: { code, name: 'Laptop browser' },
    });
    expect(res.status).toBe(201);
    const { token, device } = (await res.json()) as { token: string; device: { role: string } };
    expect(device.role).toBe('host');
    expect((await t.api('/api/devices', { token })).status).toBe(200);
    const twice = await t.api('/api/devices/pair', {
      method: 'POST',
      token: null,
      json: { code, name: 'Again' },
    });
    expect(twice.status).toBe(401);
  });
});
