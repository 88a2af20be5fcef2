import { SIZE_CLASSES, sizeClassOf } from './size-classes.ts';

/**
 * Empirical error quantiles of projected municipal totals, by size class and horizon,
 * measured in backtests. An error is `ln(projected / observed)`; `lower[c][h-1]` and
 * `upper[c][h-1]` are its 10th and 90th percentiles over all backtest bases.
 */
export interface ErrorBands {
  readonly coverage: 0.8;
  readonly horizons: readonly number[];
  readonly sizeClasses: readonly string[];
  readonly lower: readonly (readonly number[])[];
  readonly upper: readonly (readonly number[])[];
  /** Number of municipality-base pairs behind each quantile. */
  readonly n: readonly (readonly number[])[];
  readonly bases: readonly number[];
}

/** Linear-interpolated quantile of a sorted array (type 7, as R's default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Builds 80 % bands from log errors grouped `[sizeClass][horizon-1] → errors[]`.
 * Beyond the longest measured horizon the band is widened with the square root of the
 * horizon ratio, the growth of a random walk's spread; that is an assumption, stated in
 * the README, because no backtest can measure horizons longer than the data.
 */
export function errorBandsFrom(
  errors: readonly (readonly number[][])[],
  bases: readonly number[],
): ErrorBands {
  const horizons = errors[0]?.map((_, h) => h + 1) ?? [];
  const lower: number[][] = [];
  const upper: number[][] = [];
  const n: number[][] = [];
  errors.forEach((byH, c) => {
    lower[c] = [];
    upper[c] = [];
    n[c] = [];
    byH.forEach((es, h) => {
      const s = Float64Array.from(es).sort();
      lower[c]![h] = quantileSorted(s, 0.1);
      upper[c]![h] = quantileSorted(s, 0.9);
      n[c]![h] = s.length;
    });
  });
  return {
    coverage: 0.8,
    horizons,
    sizeClasses: SIZE_CLASSES.map((s) => s.label),
    lower,
    upper,
    n,
    bases,
  };
}

/**
 * The 80 % interval `[low, high]` for a projected total `value` of a municipality with
 * `basePopulation` inhabitants at the base year, `horizon` years ahead.
 */
export function intervalFor(
  bands: ErrorBands,
  basePopulation: number,
  horizon: number,
  value: number,
): [number, number] {
  const c = sizeClassOf(basePopulation);
  const maxH = bands.horizons.length;
  if (maxH === 0 || horizon <= 0) return [value, value];
  const h = Math.min(horizon, maxH);
  const widen = horizon > maxH ? Math.sqrt(horizon / maxH) : 1;
  const lo = bands.lower[c]![h - 1]! * widen;
  const hi = bands.upper[c]![h - 1]! * widen;
  // observed = projected / exp(error): a high error quantile gives the low end.
  return [value / Math.exp(hi), value / Math.exp(lo)];
}
