/**
 * Splits integer cents between parties by weight so that the parts add up to the total exactly: never a
 * cent lost, never one invented (Hamilton's largest-remainder method).
 *
 * Each party first gets floor(|total| × share); the cents left over (fewer than the number of parties)
 * go one each to the parties with the largest remainders; a tie goes to the party listed first (the
 * caller's order is the tie-break, so the result is deterministic). A negative total (refunds exceeding
 * sales) is split as its absolute value and every part negated: the same party absorbs the odd cent
 * whichever the sign.
 */
export function splitByBasisPoints(total: number, basisPoints: readonly number[]): number[] {
  const sum = basisPoints.reduce((a, b) => a + b, 0);
  if (sum !== 10_000) throw new Error(`shares must add up to 10000 basis points, not ${sum}`);
  const abs = Math.abs(total);
  // Integer arithmetic: exact for totals up to 9e11 cents (9 billion in any currency).
  const quotas = basisPoints.map((bp) => ({
    whole: Math.floor((abs * bp) / 10_000),
    rem: (abs * bp) % 10_000,
  }));
  return handOut(abs, quotas, Math.sign(total));
}

/** The same rule for real-valued weights that sum to 1 (attribution credits of one entry). */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const abs = Math.abs(total);
  const quotas = weights.map((w) => {
    const exact = abs * w;
    // Float noise (0.999999…) must not cost a cent: round to 1e-9 before flooring.
    const whole = Math.floor(Math.round(exact * 1e9) / 1e9);
    return { whole, rem: exact - whole };
  });
  return handOut(abs, quotas, Math.sign(total));
}

function handOut(abs: number, quotas: Array<{ whole: number; rem: number }>, sign: number): number[] {
  const parts = quotas.map((q) => q.whole);
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, rem: q.rem })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  return parts.map((p) => (sign < 0 ? -p : p) + 0);
}
