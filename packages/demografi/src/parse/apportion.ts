/**
 * Splits `total` whole persons in proportion to `weights` (equally when every weight is 0),
 * by the largest-remainder method: each share is rounded down, and the persons left go one
 * each to the largest remainders (ties to the earlier index). The shares are whole numbers
 * that add up to `total` exactly, and none is more than one away from its exact share.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((p, q) => p + q, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((p, q) => p + q, 0);
  const byRemainder = exact
    .map((x, k) => [x - whole[k]!, k] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (const [, k] of byRemainder) if (left-- > 0) whole[k]! += 1;
  return whole;
}
