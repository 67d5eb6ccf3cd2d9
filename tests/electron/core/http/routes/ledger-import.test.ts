import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Drop } from '../../../../../shared/drops';
import type { CsvImportResult, CsvPreview, LedgerEntry } from '../../../../../shared/ledger';
import type { Link } from '../../../../../shared/links';
import { startLiveDrop, startTestCore, type TestCore } from '../../../../support/core-harness';
import { ManualTimers } from '../../../../support/manual-timers';
import { PHONE_UA } from '../../../../support/scan';

let t: TestCore;
let time: ManualTimers;
beforeEach(async () => {
  time = new ManualTimers();
  t = await startTestCore({
    clock: time.clock,
    timers: time,
    env: { DROPDECK_TRUSTED_PROXIES: '127.0.0.1' },
  });
});
afterEach(async () => {
  await t.stop();
});

const START = Date.UTC(2026, 10, 21, 18, 0, 0);
const iso = (offsetMs: number): string => new Date(START + offsetMs).toISOString();
const getDrop = async (id: number): Promise<Drop> => (await (await t.api(`/api/drops/${id}`)).json()) as Drop;
const count = (): number =>
  (t.core.services.db.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n;
const MAPPING = {
  at: 'Date',
  amount: 'Amount',
  currency: 'Currency',
  externalId: 'Transaction ID',
  note: 'Note',
};
const preview = async (csv: string, mapping: Record<string, string> = MAPPING) => {
  const res = await t.api('/api/ledger/import/preview', { method: 'POST', json: { csv, mapping } });
  expect(res.status).toBe(200);
  return (await res.json()) as CsvPreview;
};
const runImport = (csv: string, mapping: Record<string, string> = MAPPING) =>
  t.api('/api/ledger/import', { method: 'POST', json: { csv, mapping } });

/** The code a buyer's phone shows on the hold page. */
async function redemptionCodeFor(code: string, ip: string): Promise<string> {
  const res = await fetch(`${t.url}/hold/${code}`, {
    headers: { 'user-agent': PHONE_UA, 'x-forwarded-for': ip },
  });
  const m = /Show this code: <strong>([2-9A-Z]{6})<\/strong>/.exec(await res.text());
  if (!m) throw new Error('no redemption code on the hold page');
  return m[1];
}

describe('CSV import of card-reader exports', () => {
  it('a file with bad rows imports nothing and says which rows', async () => {
    const drop = await startLiveDrop(t, { stock: 10 });
    const csv = [
      'Date,Amount,Currency,Transaction ID,Note',
      `${iso(60_000)},25.00,EUR,tx-1,`,
      `yesterday,25.00,EUR,tx-2,`,
      `${iso(120_000)},twenty,EUR,tx-3,`,
      `${iso(180_000)},25.00,EUR,tx-1,`,
    ].join('\n');
    const p = await preview(csv);
    expect(p.errors).toBe(3);
    expect(p.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(p.rows[1].error).toMatch(/"yesterday" is not a date/);
    expect(p.rows[3].error).toMatch(/same id as line 2/);

    const res = await runImport(csv);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toMatch(/3 rows have errors, so nothing was imported/);
    expect(error.message).toMatch(/line 3: .*line 4: .*line 5: /);
    expect(count()).toBe(0);
    expect((await getDrop(drop.id)).sold).toBe(0);
  });

  it('importing the same file twice changes nothing the second time (with and without an id column)', async () => {
    const drop = await startLiveDrop(t, { stock: 10 });
    const csv = [
      'Date,Amount,Currency,Note',
      `${iso(60_000)},25.00,EUR,`,
      `${iso(60_000)},25.00,EUR,`,
      `${iso(90_000)},25.00,EUR,latte`,
    ].join('\n');
    const mapping = { at: 'Date', amount: 'Amount', currency: 'Currency', note: 'Note' };
    const first = (await (await runImport(csv, mapping)).json()) as CsvImportResult;
    expect(first).toMatchObject({ posted: 3, duplicates: 0 });
    // Two identical lines are two sales.
    expect(new Set(first.entries.map((e) => e.externalId)).size).toBe(3);
    const after = await getDrop(drop.id);
    expect(after.sold).toBe(3);

    const p = await preview(csv, mapping);
    expect(p.rows.every((r) => r.duplicate)).toBe(true);
    const again = (await (await runImport(csv, mapping)).json()) as CsvImportResult;
    expect(again).toMatchObject({ posted: 0, duplicates: 3 });
    expect(count()).toBe(3);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 3, stock: 7 });
  });

  it('matches by the redemption code first, else by time and amount, and shows its confidence', async () => {
    const drop = await startLiveDrop(t, { stock: 10, durationSec: 300 });
    await t.api(`/api/drops/${drop.id}/ledger-settings`, {
      method: 'PATCH',
      json: { holds: { mode: 'always' } },
    });
    const link = (await (
      await t.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint: 'venue' } })
    ).json()) as Link;
    const code = await redemptionCodeFor(link.code, '198.51.100.20');
    time.advance(20 * 60_000); // the drop ended; the export comes in later

    const csv = [
      'Date,Amount,Currency,Transaction ID,Note',
      `${iso(60_000)},25.00,EUR,tx-code,order for ${code.toLowerCase()} thanks`,
      `${iso(120_000)},25.00,EUR,tx-time,`,
      `${iso(360_000)},25.00,EUR,tx-near,`,
      `${iso(120_000)},7.00,EUR,tx-odd,`,
      `${iso(3 * 3600_000)},25.00,EUR,tx-none,`,
    ].join('\n');
    const p = await preview(csv);
    expect(p.errors).toBe(0);
    expect(p.rows.map((r) => [r.externalId, r.match?.by, r.match?.confidence, r.match?.dropId])).toEqual([
      ['tx-code', 'redemption_code', 1, drop.id],
      ['tx-time', 'time_amount', 0.8, drop.id],
      ['tx-near', 'time_amount', 0.6, drop.id],
      ['tx-odd', 'time', 0.3, drop.id],
      ['tx-none', 'none', 0, null],
    ]);
    expect(p.rows[0].match?.linkCode).toBe(link.code);

    const res = await runImport(csv);
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as CsvImportResult;
    const by = (id: string): LedgerEntry => entries.find((e) => e.externalId === id)!;
    expect(by('tx-code')).toMatchObject({
      dropId: drop.id,
      touchpoint: 'venue',
      linkCode: link.code,
      late: true,
    });
    expect(by('tx-time')).toMatchObject({ dropId: drop.id, touchpoint: 'direct' });
    // Guesses below 0.5 don't move a drop's stock: posted without a drop.
    expect(by('tx-odd')).toMatchObject({ dropId: null });
    expect(by('tx-none')).toMatchObject({ dropId: null });
    expect((await getDrop(drop.id)).sold).toBe(3);
    const visitor = t.core.services.db
      .prepare<[string], { visitor_id: Buffer | null }>(
        'SELECT visitor_id FROM ledger_entries WHERE external_id = ?',
      )
      .get('tx-code');
    expect(visitor?.visitor_id?.length).toBe(16);
  });

  it('a stand buyer gets a redemption code from /redeem/:code, the same one on a reload', async () => {
    const drop = await startLiveDrop(t);
    const link = (await (
      await t.api(`/api/drops/${drop.id}/links`, { method: 'POST', json: { touchpoint: 'venue' } })
    ).json()) as Link;
    const open = () =>
      fetch(`${t.url}/redeem/${link.code}`, {
        headers: { 'user-agent': PHONE_UA, 'x-forwarded-for': '198.51.100.30' },
      });
    const first = await (await open()).text();
    const code = /<strong>([2-9A-Z]{6})<\/strong>/.exec(first)?.[1];
    expect(code).toMatch(/^[2-9A-Z]{6}$/);
    expect(await (await open()).text()).toContain(`<strong>${code}</strong>`);
    expect(first).not.toMatch(/<form/);
    const posted = await t.api('/api/ledger/purchases', {
      method: 'POST',
      json: { source: 'pos', externalId: 'pos-r', redemptionCode: code, amountCents: 2500, currency: 'EUR' },
    });
    expect(await posted.json()).toMatchObject({ dropId: drop.id, touchpoint: 'venue', linkCode: link.code });
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const res = await t.api('/api/ledger/import/preview', {
      method: 'POST',
      json: {
        csv: 'When,Total\n2026-11-21T18:00:00Z,1.00\n',
        mapping: { at: 'Date', amount: 'Total' },
        currency: 'EUR',
      },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /no column "Date"; its columns are When, Total/,
    );
  });
});

describe('manual and POS posting', () => {
  it('posts a stand sale after the drop ended, oversold when nothing was left, and refunds it', async () => {
    const drop = await startLiveDrop(t, { stock: 1, durationSec: 60 });
    const post = (externalId: string) =>
      t.api('/api/ledger/purchases', {
        method: 'POST',
        json: {
          source: 'pos',
          externalId,
          dropId: drop.id,
          amountCents: 2500,
          currency: 'EUR',
          at: START + 30_000,
        },
      });
    expect((await post('pos-1')).status).toBe(201);
    time.advance(5 * 60_000);
    const late = await post('pos-2');
    expect(late.status).toBe(201);
    expect(await late.json()).toMatchObject({ oversold: true, late: true, at: START + 30_000 });
    expect((await post('pos-2')).status).toBe(200);
    expect(await getDrop(drop.id)).toMatchObject({ sold: 2, oversold: 1, stock: 0 });

    const entry = (await (await post('pos-2')).json()) as LedgerEntry;
    const refund = await t.api(`/api/ledger/entries/${entry.id}/refunds`, {
      method: 'POST',
      json: { amountCents: 1000 },
    });
    expect(refund.status).toBe(201);
    expect(await refund.json()).toMatchObject({
      kind: 'refund',
      amountCents: -1000,
      quantity: 0,
      relatedEntryId: entry.id,
    });
    const rest = await t.api(`/api/ledger/entries/${entry.id}/refunds`, { method: 'POST', json: {} });
    expect(await rest.json()).toMatchObject({ amountCents: -1500, quantity: -1 });
    // The refunded unit settles the oversold one first.
    expect(await getDrop(drop.id)).toMatchObject({ sold: 1, oversold: 0, stock: 0 });
    const over = await t.api(`/api/ledger/entries/${entry.id}/refunds`, {
      method: 'POST',
      json: { amountCents: 1 },
    });
    expect(over.status).toBe(409);
  });

  it('refuses a currency other than the drop’s for a manual entry', async () => {
    const drop = await startLiveDrop(t);
    const res = await t.api('/api/ledger/purchases', {
      method: 'POST',
      json: { source: 'manual', externalId: 'm-1', dropId: drop.id, amountCents: 2500, currency: 'USD' },
    });
    expect(res.status).toBe(400);
    expect(count()).toBe(0);
  });
});
