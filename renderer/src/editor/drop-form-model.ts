import type { CreateDropInput, Drop, HoldsPolicy, UpdateDropInput } from '../../../shared/drops';
import { parseFieldErrors, type FieldErrors } from '../lib/field-errors';
import {
  centsToDecimal,
  checkoutUrlProblem,
  minutesAndSecondsToSec,
  parsePriceToCents,
  secToMinutesAndSeconds,
  wholeInRange,
} from './amounts';
import { actionsFromRows, rowsFromActions, type ObsActionRow } from './obs-actions-model';

export interface TierRow {
  /** Stable React key: rows are added and removed in the middle. */
  key: string;
  name: string;
  stock: string;
  price: string;
}

export interface DropFormValues {
  title: string;
  currency: string;
  durationMin: string;
  durationSec: string;
  checkoutUrl: string;
  /** The first tier is the drop's own stock/price; the core always names it "Standard". */
  tiers: TierRow[];
  earlyAccessMin: string;
  perBuyerCap: string;
  linkRotationSec: string;
  holdsMode: HoldsPolicy['mode'];
  holdsLastUnits: string;
  holdsTtlSec: string;
  holdsPerVisitor: string;
  restockOnRefund: boolean;
  obsActions: ObsActionRow[];
}

export const FIRST_TIER_NAME = 'Standard';
/** The core's defaults for a new drop (migration 005), so an untouched form changes nothing. */
const DEFAULT_HOLDS: HoldsPolicy = { mode: 'off', lastUnits: 5, ttlSec: 600, perVisitor: 3 };

let nextKey = 0;
export const rowKey = (): string => `row-${++nextKey}`;

export const emptyTier = (): TierRow => ({ key: rowKey(), name: '', stock: '', price: '' });

export function newDropValues(): DropFormValues {
  return {
    title: '',
    currency: 'EUR',
    durationMin: '5',
    durationSec: '0',
    checkoutUrl: '',
    tiers: [{ key: rowKey(), name: FIRST_TIER_NAME, stock: '50', price: '' }],
    earlyAccessMin: '0',
    perBuyerCap: '',
    linkRotationSec: '',
    ...holdsValues(DEFAULT_HOLDS, true),
    obsActions: [],
  };
}

function holdsValues(holds: HoldsPolicy, restockOnRefund: boolean) {
  return {
    holdsMode: holds.mode,
    holdsLastUnits: String(holds.lastUnits),
    holdsTtlSec: String(holds.ttlSec),
    holdsPerVisitor: String(holds.perVisitor),
    restockOnRefund,
  };
}

export function valuesFromDrop(drop: Drop): DropFormValues {
  const duration = secToMinutesAndSeconds(drop.durationSec);
  return {
    title: drop.title,
    currency: drop.currency,
    durationMin: duration.minutes,
    durationSec: duration.seconds,
    checkoutUrl: drop.checkoutUrl,
    tiers: drop.tiers.map((t) => ({
      key: `tier-${t.id}`,
      name: t.name,
      // Stock here is what is still on sale; tiers are not edited after creation (restock is live).
      stock: String(t.stock),
      price: centsToDecimal(t.priceCents),
    })),
    earlyAccessMin: String(drop.earlyAccessSec / 60),
    perBuyerCap: drop.perBuyerCap === null ? '' : String(drop.perBuyerCap),
    linkRotationSec: drop.linkRotationSec === null ? '' : String(drop.linkRotationSec),
    ...holdsValues(drop.holds, drop.restockOnRefund),
    obsActions: rowsFromActions(drop.obsActions),
  };
}

type Built<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

/** Fields shared by create and update, checked here so typos never reach the core. */
function commonInput(v: DropFormValues, errors: FieldErrors, previous: Drop | null) {
  if (v.title.trim() === '') errors.title = 'Give the drop a title, e.g. "Signed vinyl, first press"';
  const durationSec = minutesAndSecondsToSec(v.durationMin, v.durationSec);
  if (durationSec === null || durationSec < 10 || durationSec > 7 * 24 * 3600) {
    errors.durationSec = 'Enter a length between 10 seconds and 7 days, in whole minutes and seconds';
  }
  const urlProblem = checkoutUrlProblem(v.checkoutUrl);
  if (urlProblem) errors.checkoutUrl = urlProblem;
  const currency = v.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Enter a three-letter code such as EUR';
  const earlyMinutes = v.earlyAccessMin.trim() === '' ? 0 : wholeInRange(v.earlyAccessMin, 0, 24 * 60);
  if (earlyMinutes === null) errors.earlyAccessSec = 'Enter whole minutes, 0 to 1440 (0: no early access)';
  const cap = optionalWhole(v.perBuyerCap, 1, 1000);
  if (cap === null) errors.perBuyerCap = 'Enter a whole number from 1 to 1000, or leave it empty';
  else if (cap === undefined && previous?.perBuyerCap != null) {
    errors.perBuyerCap = 'A cap cannot be removed once set; enter the largest number a buyer may take';
  }
  const rotation = optionalWhole(v.linkRotationSec, 30, 24 * 3600);
  if (rotation === null) errors.linkRotationSec = 'Enter seconds from 30 to 86400, or leave it empty';
  else if (rotation === undefined && previous?.linkRotationSec != null) {
    errors.linkRotationSec = 'Rotation cannot be turned off once set; enter a number of seconds';
  }
  const obs = actionsFromRows(v.obsActions);
  Object.assign(errors, obs.errors);
  return {
    title: v.title,
    currency,
    durationSec: durationSec ?? 0,
    checkoutUrl: v.checkoutUrl.trim(),
    earlyAccessSec: (earlyMinutes ?? 0) * 60,
    ...(cap ? { perBuyerCap: cap } : {}),
    ...(rotation ? { linkRotationSec: rotation } : {}),
    obsActions: obs.actions,
  };
}

/** Empty → undefined (not set); a number in range → it; anything else → null (an error). */
function optionalWhole(text: string, min: number, max: number): number | null | undefined {
  return text.trim() === '' ? undefined : wholeInRange(text, min, max);
}

export function toCreateInput(v: DropFormValues): Built<CreateDropInput> {
  const errors: FieldErrors = {};
  const common = commonInput(v, errors, null);
  const tiers = v.tiers.map((row, i) => {
    const stock = wholeInRange(row.stock, 0, 1_000_000);
    const priceCents = parsePriceToCents(row.price);
    if (i > 0 && row.name.trim() === '') errors[`tier${i}.name`] = 'Name this tier, e.g. "Signed bundle"';
    if (stock === null) errors[`tier${i}.stock`] = 'Enter a whole number of units, e.g. 50';
    if (priceCents === null) errors[`tier${i}.price`] = 'Enter a price such as 19.99';
    return { name: row.name.trim(), stock: stock ?? 0, priceCents: priceCents ?? 0 };
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const [first, ...extra] = tiers;
  const { obsActions, ...rest } = common;
  return {
    ok: true,
    input: {
      ...rest,
      stock: first.stock,
      priceCents: first.priceCents,
      ...(extra.length > 0 ? { tiers: extra } : {}),
      ...(obsActions ? { obsActions } : {}),
    },
  };
}

/** Tiers, stock and prices are fixed once a drop exists (the API has no way to change them). */
export function toUpdateInput(v: DropFormValues, drop: Drop): Built<UpdateDropInput> {
  const errors: FieldErrors = {};
  const common = commonInput(v, errors, drop);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Clearing every action is sent as `{}`: omitting the field would keep the old ones.
  return { ok: true, input: { ...common, obsActions: common.obsActions ?? {} } };
}

/** The holds/refund settings as `drop:ledger-settings` takes them, or null when they did not change. */
export function ledgerSettingsChange(
  v: DropFormValues,
  current: Pick<Drop, 'holds' | 'restockOnRefund'> = { holds: DEFAULT_HOLDS, restockOnRefund: true },
): Built<{ holds: HoldsPolicy; restockOnRefund: boolean } | null> {
  const errors: FieldErrors = {};
  const lastUnits = wholeInRange(v.holdsLastUnits, 1, 1_000_000);
  const ttlSec = wholeInRange(v.holdsTtlSec, 30, 3600);
  const perVisitor = wholeInRange(v.holdsPerVisitor, 1, 100);
  if (lastUnits === null) errors['holds.lastUnits'] = 'Enter a whole number of units, at least 1';
  if (ttlSec === null) errors['holds.ttlSec'] = 'Enter seconds from 30 to 3600';
  if (perVisitor === null) errors['holds.perVisitor'] = 'Enter a whole number from 1 to 100';
  if (lastUnits === null || ttlSec === null || perVisitor === null) return { ok: false, errors };
  const holds: HoldsPolicy = { mode: v.holdsMode, lastUnits, ttlSec, perVisitor };
  const same =
    JSON.stringify(holds) === JSON.stringify({ ...current.holds }) &&
    v.restockOnRefund === current.restockOnRefund;
  return { ok: true, input: same ? null : { holds, restockOnRefund: v.restockOnRefund } };
}

const CORE_FIELDS = [
  'title',
  'currency',
  'durationSec',
  'checkoutUrl',
  'stock',
  'priceCents',
  'earlyAccessSec',
  'perBuyerCap',
  'linkRotationSec',
  ...Array.from({ length: 20 }, (_, i) => [
    `tiers.${i}.name`,
    `tiers.${i}.stock`,
    `tiers.${i}.priceCents`,
  ]).flat(),
];

/**
 * The core's 400 names its own fields (`priceCents`, `tiers.0.name`); this form shows the first tier
 * as row 0 and the extra tiers after it, so their messages move down one row.
 */
export function formErrorsFromCore(message: string): { fields: FieldErrors; general: string[] } {
  const parsed = parseFieldErrors(message, CORE_FIELDS);
  const fields: FieldErrors = {};
  for (const [key, text] of Object.entries(parsed.fields)) {
    const tier = /^tiers\.(\d+)\.(name|stock|priceCents)$/.exec(key);
    if (key === 'stock') fields['tier0.stock'] = text;
    else if (key === 'priceCents') fields['tier0.price'] = text;
    else if (tier)
      fields[`tier${Number(tier[1]) + 1}.${tier[2] === 'priceCents' ? 'price' : tier[2]}`] = text;
    else fields[key] = text;
  }
  return { fields, general: parsed.general };
}

/** The settings this form edits, as one comparable value: to notice edits made on another device. */
export function editableSettings(drop: Drop): string {
  const { title, currency, durationSec, checkoutUrl, earlyAccessSec, perBuyerCap, linkRotationSec } = drop;
  return JSON.stringify([
    title,
    currency,
    durationSec,
    checkoutUrl,
    earlyAccessSec,
    perBuyerCap,
    linkRotationSec,
    drop.obsActions,
    drop.holds,
    drop.restockOnRefund,
  ]);
}
