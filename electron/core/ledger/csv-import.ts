import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import type {
  CsvImportInput,
  CsvImportResult,
  CsvPreview,
  CsvRow,
  LedgerEntry,
} from '../../../shared/ledger';
import type { Clock } from '../clock';
import type { Actor } from '../devices/principal';
import { AppError } from '../domain-error';
import type { DropEngine } from '../drops/drop-engine';
import type { PostingsRepo } from '../store/postings-repo';
import type { Attribution } from './attribution';
import { matchRow, type CsvMatch } from './csv-match';
import type { LedgerPoster } from './ledger-poster';
import { toMinor } from './money';

export interface CsvImportDeps {
  db: Database.Database;
  poster: LedgerPoster;
  attribution: Attribution;
  postings: PostingsRepo;
  engine: Pick<DropEngine, 'list'>;
  clock: Clock;
}

/** Matches below this post without a drop: a guess must not move a drop's stock. */
export const MIN_CONFIDENCE = 0.5;
const MAX_ROWS = 20_000;

interface Parsed {
  columns: string[];
  rows: Array<CsvRow & { origin: CsvMatch['origin'] | null }>;
}

/**
 * Card-reader / POS exports. `preview` parses with the host's column mapping and shows every row's
 * money, id, match and error; `apply` posts them all in ONE transaction or nothing at all. A row's
 * external id is its id column, else a hash of the row, so importing the same file again changes
 * nothing.
 */
export class CsvImport {
  constructor(private readonly deps: CsvImportDeps) {}

  preview(input: CsvImportInput): CsvPreview {
    const { columns, rows } = this.parse(input);
    return {
      columns,
      rows: rows.map(({ origin: _origin, ...row }) => row),
      errors: rows.filter((r) => !r.ok).length,
    };
  }

  apply(input: CsvImportInput, actor: Actor): CsvImportResult {
    const { rows } = this.parse(input);
    const bad = rows.filter((r) => !r.ok);
    if (bad.length > 0) {
      const list = bad
        .slice(0, 20)
        .map((r) => `line ${r.line}: ${r.error}`)
        .join('; ');
      throw new AppError(
        'bad_request',
        `${bad.length} row${bad.length === 1 ? ' has' : 's have'} errors, so nothing was imported — ${list}` +
          (bad.length > 20 ? ` (and ${bad.length - 20} more)` : ''),
      );
    }
    const { poster } = this.deps;
    const posted = this.deps.db
      .transaction(() =>
        rows.map((r) => {
          const origin =
            r.origin && r.match && r.match.confidence >= MIN_CONFIDENCE
              ? r.origin
              : this.deps.attribution.none();
          return poster.writePurchase(
            {
              source: 'csv',
              externalId: r.externalId ?? '',
              at: r.at ?? 0,
              quantity: r.quantity ?? 1,
              amountCents: r.amountCents ?? 0,
              currency: r.currency ?? '',
              origin,
              currencyMismatch: 'detach',
            },
            actor,
          );
        }),
      )
      .immediate();
    const entries: LedgerEntry[] = [];
    for (const { entry, dropId } of posted) {
      entries.push(entry);
      if (!entry.duplicate && dropId !== null) poster.announce(entry, dropId, null, actor);
    }
    return {
      posted: entries.filter((e) => !e.duplicate).length,
      duplicates: entries.filter((e) => e.duplicate).length,
      entries,
    };
  }

  private parse(input: CsvImportInput): Parsed {
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      records = parse(input.csv, {
        delimiter: input.delimiter,
        bom: true,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
      }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    } catch (error) {
      throw new AppError(
        'bad_request',
        `The file is not readable CSV: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (records.length === 0) throw new AppError('bad_request', 'The file is empty.');
    if (records.length - 1 > MAX_ROWS)
      throw new AppError('bad_request', `At most ${MAX_ROWS} rows per import.`);
    const columns = records[0].record;
    const index = (name: string | undefined): number | null => {
      if (name === undefined) return null;
      const i = columns.indexOf(name);
      if (i === -1)
        throw new AppError(
          'bad_request',
          `The file has no column "${name}"; its columns are ${columns.join(', ')}.`,
        );
      return i;
    };
    const m = input.mapping;
    const col = {
      at: index(m.at),
      amount: index(m.amount),
      currency: index(m.currency),
      quantity: index(m.quantity),
      externalId: index(m.externalId),
      note: index(m.note),
    };
    const drops = this.deps.engine.list();
    const now = this.deps.clock.now();
    const seenIds = new Map<string, number>();
    const seenRows = new Map<string, number>();
    const rows = records.slice(1).map(({ record, info }) => {
      const line = info.lines;
      const cell = (i: number | null): string | null =>
        i === null ? null : (record[i] ?? '').trim() || null;
      const errors: string[] = [];
      if (record.length !== columns.length)
        errors.push(`${record.length} columns where the header has ${columns.length}`);
      const at = readTime(cell(col.at));
      if (at === null) errors.push(`"${cell(col.at) ?? ''}" is not a date and time`);
      const currency = (cell(col.currency) ?? input.currency ?? '').toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency))
        errors.push(
          currency ? `"${currency}" is not a currency code` : 'no currency (add a column or a default)',
        );
      const rawAmount = cell(col.amount) ?? '';
      const amountCents =
        input.amountFormat === 'minor'
          ? /^\d+$/.test(rawAmount)
            ? Number(rawAmount)
            : null
          : toMinor(rawAmount.replace(/^[^\d-]+/, ''), currency || 'EUR');
      if (amountCents === null || amountCents < 0) errors.push(`"${rawAmount}" is not an amount`);
      const rawQty = cell(col.quantity);
      const quantity =
        rawQty === null
          ? 1
          : /^\d+$/.test(rawQty) && Number(rawQty) >= 1 && Number(rawQty) <= 1000
            ? Number(rawQty)
            : null;
      if (quantity === null) errors.push(`"${rawQty ?? ''}" is not a quantity`);
      let externalId = cell(col.externalId);
      if (externalId === null) {
        // Two identical lines (two coffees in one second) are two sales: the n-th copy gets ":n".
        const hash = `row:${createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 32)}`;
        const copies = (seenRows.get(hash) ?? 0) + 1;
        seenRows.set(hash, copies);
        externalId = copies === 1 ? hash : `${hash}:${copies}`;
      } else {
        const first = seenIds.get(externalId);
        if (first !== undefined) errors.push(`the same id as line ${first}`);
        else seenIds.set(externalId, line);
      }
      if (errors.length > 0 || at === null || amountCents === null || quantity === null) {
        return {
          line,
          ok: false,
          error: errors.join('; '),
          externalId,
          at,
          amountCents,
          currency: currency || null,
          quantity,
          match: null,
          duplicate: false,
          origin: null,
        };
      }
      const match = matchRow(
        { at, amountCents, currency, quantity, note: cell(col.note) },
        drops,
        this.deps.attribution,
        input.windowSec * 1000,
        now,
      );
      return {
        line,
        ok: true,
        error: null,
        externalId,
        at,
        amountCents,
        currency,
        quantity,
        match: {
          by: match.by,
          confidence: match.confidence,
          dropId: match.origin.dropId,
          tierId: match.origin.tierId,
          linkCode: match.origin.linkCode,
        },
        duplicate: this.deps.postings.byExternalId('csv', externalId) !== undefined,
        origin: match.origin,
      };
    });
    return { columns, rows };
  }
}

/** ISO 8601 (a time without a zone is this machine's local time, as a POS export is), or epoch ms/s. */
function readTime(text: string | null): number | null {
  if (!text) return null;
  if (/^\d{13}$/.test(text)) return Number(text);
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return null;
  const t = Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(t) ? t : null;
}
