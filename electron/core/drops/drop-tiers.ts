import type { Drop, Tier } from '../../../shared/drops';
import { AppError } from '../domain-error';

/** The tier a sale or restock targets: the named one, else the drop's first (its "Standard" tier). */
export function pickTier(drop: Drop, tierId: number | undefined): Tier {
  const tier = tierId === undefined ? drop.tiers[0] : drop.tiers.find((t) => t.id === tierId);
  if (tier) return tier;
  const known = drop.tiers.map((t) => `${t.id} "${t.name}"`).join(', ');
  throw new AppError('bad_request', `Drop ${drop.id} has no tier ${tierId}; its tiers are ${known}.`);
}
