import type { Drop, Tier } from '../../../shared/drops';
import type { CreateSaleInput, Sale } from '../../../shared/sales';
import { AppError } from '../domain-error';

/**
 * The checks a sale must pass, as pure functions over what the sale transaction has read. Each
 * returns the refusal to throw, or null; messages are written for the host reading the panel.
 */

const label = (drop: Drop): string => `Drop ${drop.id} "${drop.title}"`;

/** "4 min 30 s" — a host reads a duration faster than a timestamp in some other time zone. */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const min = Math.floor(total / 60);
  const sec = total % 60;
  if (min === 0) return `${sec} s`;
  return sec === 0 ? `${min} min` : `${min} min ${sec} s`;
}

/** A redelivered sale must be the same sale; reusing an externalId for another one is a client bug. */
export function duplicateRefusal(
  existing: { kind: string; sale: Sale },
  input: CreateSaleInput,
): AppError | null {
  const id = `${input.source} sale "${input.externalId}"`;
  if (existing.kind !== 'purchase')
    return new AppError('conflict', `The ${id} id is already used by a ${existing.kind} in the ledger.`);
  const { sale } = existing;
  const differs =
    sale.dropId !== input.dropId ||
    sale.quantity !== input.quantity ||
    sale.amountCents !== input.amountCents ||
    sale.currency !== input.currency ||
    (input.tierId !== undefined && sale.tierId !== input.tierId);
  if (!differs) return null;
  return new AppError(
    'conflict',
    `The ${id} was already recorded with different details (drop ${sale.dropId}, quantity ${sale.quantity}, ` +
      `${sale.amountCents} ${sale.currency} cents); use a new externalId for a new sale.`,
  );
}

/** Sales land only while the drop is live, and during early access only through a members' link. */
export function openRefusal(drop: Drop, now: number, viaMembersLink: boolean): AppError | null {
  if (drop.state === 'sold_out') return new AppError('insufficient_stock', `${label(drop)} is sold out.`);
  if (drop.state === 'draft' || drop.state === 'scheduled') {
    return new AppError(
      'invalid_transition',
      `${label(drop)} has not started yet; sales are recorded only while it is live.`,
    );
  }
  if (drop.state !== 'live' || drop.endsAt === null || now >= drop.endsAt) {
    return new AppError(
      'invalid_transition',
      `${label(drop)} has ended; sales are recorded only while it is live.`,
    );
  }
  if (drop.publicAt !== null && now < drop.publicAt && !viaMembersLink) {
    return new AppError(
      'invalid_transition',
      `${label(drop)} is in members-only early access for ${formatDuration(drop.publicAt - now)} more; ` +
        'only sales through a members link (ref) can be recorded until then.',
    );
  }
  return null;
}

/** The per-buyer cap. Without a buyerRef only a single oversized sale can be caught. */
export function capRefusal(drop: Drop, quantity: number, alreadyBought: number): AppError | null {
  const cap = drop.perBuyerCap;
  if (cap === null || alreadyBought + quantity <= cap) return null;
  const held = alreadyBought > 0 ? `this buyer already has ${alreadyBought} and ` : '';
  return new AppError(
    'conflict',
    `${label(drop)} allows at most ${cap} per buyer; ${held}this sale asks for ${quantity}.`,
  );
}

export function shortStockError(drop: Drop, tier: Tier, quantity: number): AppError {
  const what = drop.tiers.length > 1 ? `"${drop.title}" (${tier.name})` : `"${drop.title}"`;
  if (tier.stock <= 0) return new AppError('insufficient_stock', `${what} is sold out.`);
  return new AppError(
    'insufficient_stock',
    `Only ${tier.stock} left of ${what}; this sale asks for ${quantity}.`,
  );
}
