import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../../support/core-harness';
import { ManualClock } from '../../../support/manual-clock';
import { RawFacts } from '../../../support/raw-facts';
import { buildKpiFixture, MIN, T0, type KpiFixture } from './kpi-fixture';

/** The contract with spreadsheets and scripts: these headers, in this order, forever (append only). */
const HEADERS = {
  clicks: 'id,at,at_iso,drop_id,touchpoint,via,visitor_id,is_unique,is_bot',
  ledger:
    'id,at,at_iso,kind,drop_id,tier_id,touchpoint,link_code,quantity,amount_cents,currency,source,external_id,related_entry_id,visitor_id,email_hash',
  attribution: 'model,entry_id,drop_id,touchpoint,weight,conversions,revenue_cents,currency,touches',
  kpis: 'kpi,dimension,key,value,unit',
};

describe('CSV and JSON exports of a show', () => {
  let t: TestCore;
  let raw: RawFacts;
  let f: KpiFixture;

  beforeAll(async () => {
    const clock = new ManualClock(T0);
    t = await startTestCore({ clock });
    raw = new RawFacts(t.dataDir);
    f = await buildKpiFixture(t, clock, raw);
    // An order id a spreadsheet would mangle: a comma, quotes, and a formula.
    raw.entry({
      at: T0 + 220 * MIN,
      quantity: 1,
      amountCents: 100,
      externalId: '=HYPERLINK("x"),7',
      source: 'csv',
    });
  });
  afterAll(async () => {
    raw.close();
    await t.stop();
  });

  const get = async (name: string, format: 'csv' | 'json', token?: string | null) =>
    t.api(`/api/shows/${f.show.id}/export/${name}.${format}`, { token });

  it.each(Object.entries(HEADERS))(
    '%s.csv starts with its fixed header row, and .json has the same rows',
    async (name, header) => {
      const res = await get(name, 'csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="show-${f.show.id}-${name}.csv"`,
      );
      const text = await res.text();
      expect(text.split('\r\n')[0]).toBe(header);
      const csvRows = parse<Record<string, string>>(text, { columns: true });
      const body = (await (await get(name, 'json')).json()) as {
        columns: string[];
        rows: Array<Record<string, string | number | null>>;
      };
      expect(body.columns.join(',')).toBe(header);
      expect(body.rows.length).toBe(csvRows.length);
      expect(body.rows.length).toBeGreaterThan(0);
      for (const r of body.rows) expect(Object.keys(r).join(',')).toBe(header);
      // Same values in both (CSV is text; empty for null).
      body.rows.forEach((r, i) => {
        for (const c of body.columns) {
          const v = r[c];
          if (typeof v === 'string' && /^[=+\-@]/.test(v)) expect(csvRows[i][c]).toBe(`'${v}`);
          else expect(csvRows[i][c]).toBe(v === null ? '' : String(v));
        }
      });
    },
  );

  it('holds what the store holds and nothing more: the click rows match the stored clicks, hashes as hex, no IPs', async () => {
    const clicks = (await (await get('clicks', 'json')).json()) as { rows: Array<Record<string, unknown>> };
    expect(clicks.rows).toHaveLength(8); // 7 human clicks (3 stream, 2 venue, 2 DM) and the bot's
    expect(clicks.rows.filter((r) => r.is_bot === 1)).toHaveLength(1);
    for (const r of clicks.rows) expect(r.visitor_id).toMatch(/^[0-9a-f]{32}$/);
    const csv = await (await get('ledger', 'csv')).text();
    expect(csv).not.toMatch(/203\.0\.113|Mozilla|iPhone/);
    // RFC 4180 quoting plus the formula guard: '=HYPERLINK("x"),7 → "'=HYPERLINK(""x""),7"
    expect(csv).toContain(`"'=HYPERLINK(""x""),7"`);
    const refund = csv.split('\r\n').find((l) => l.includes(',refund,'));
    expect(refund).toContain(',-1,-2500,EUR,');
  });

  it('answers attribution rows whose cents add up to each entry, under every model', async () => {
    const rows = (
      (await (await get('attribution', 'json')).json()) as { rows: Array<Record<string, number | string>> }
    ).rows;
    const ledger = (
      (await (await get('ledger', 'json')).json()) as { rows: Array<Record<string, number | string>> }
    ).rows;
    for (const model of ['first_touch', 'last_touch', 'linear', 'time_decay']) {
      for (const e of ledger) {
        const credited = rows
          .filter((r) => r.model === model && r.entry_id === e.id)
          .reduce((n, r) => n + Number(r.revenue_cents), 0);
        expect(credited, `${model} entry ${e.id}`).toBe(e.amount_cents);
      }
    }
  });

  it('is for the host only, and 404s an unknown show or export', async () => {
    expect((await get('ledger', 'csv', null)).status).toBe(401);
    expect((await t.api('/api/shows/999/export/ledger.csv')).status).toBe(404);
    expect((await t.api(`/api/shows/${f.show.id}/export/secrets.csv`)).status).toBe(400);
    expect((await t.api(`/api/shows/${f.show.id}/export/ledger.xlsx`)).status).toBe(400);
  });
});
